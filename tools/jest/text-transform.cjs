/** Jest transform: a `.txt` import becomes its text, as webpack's `asset/source` does. */
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};
