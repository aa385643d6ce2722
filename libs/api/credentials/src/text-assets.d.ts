/** `.txt` files are imported as their text (webpack asset/source, Jest text transform). */
declare module '*.txt' {
  const text: string;
  export default text;
}
