/**
 * A role as people read it. Takes a plain string so an unexpected value from the server is
 * shown as it is rather than breaking the page.
 */
export function roleLabel(role: string): string {
  switch (role) {
    case 'specialist':
      return $localize`:Role name:Peer recovery specialist`;
    case 'supervisor':
      return $localize`:Role name:Supervisor`;
    case 'clinician':
      return $localize`:Role name:Clinician`;
    case 'admin':
      return $localize`:Role name:Program administrator`;
    default:
      return role;
  }
}
