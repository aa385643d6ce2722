import type { ConfirmDialogData } from '@waypoint/web-ui';
import type { ManagedUser, UserCommand } from '@waypoint/web-auth';

/** What each row command asks before it runs, and what it says afterwards. */
export interface CommandText {
  menuLabel: string;
  icon: string;
  confirm: ConfirmDialogData;
  done: string;
}

export function commandText(command: UserCommand, user: ManagedUser): CommandText {
  const name = user.displayName;
  switch (command) {
    case 'disable':
      return {
        menuLabel: $localize`:User row action:Disable`,
        icon: 'block',
        confirm: {
          title: $localize`Disable ${name}:name:?`,
          message: $localize`They will be signed out everywhere at once and cannot sign in until you enable them again. Their records stay as they are.`,
          confirmLabel: $localize`:Confirm button:Disable`,
          destructive: true,
        },
        done: $localize`${name}:name: is disabled and signed out everywhere.`,
      };
    case 'enable':
      return {
        menuLabel: $localize`:User row action:Enable`,
        icon: 'check_circle',
        confirm: {
          title: $localize`Enable ${name}:name:?`,
          message: $localize`They will be able to sign in again with their password and two-step verification.`,
          confirmLabel: $localize`:Confirm button:Enable`,
        },
        done: $localize`${name}:name: can sign in again.`,
      };
    case 'reset-mfa':
      return {
        menuLabel: $localize`:User row action:Reset two-step verification`,
        icon: 'phonelink_erase',
        confirm: {
          title: $localize`Reset two-step verification for ${name}:name:?`,
          message: $localize`Their authenticator app and recovery codes stop working. They will set up a new app the next time they sign in. Do this only after confirming who is asking.`,
          confirmLabel: $localize`:Confirm button:Reset`,
          destructive: true,
        },
        done: $localize`${name}:name: will set up two-step verification at their next sign-in.`,
      };
    case 'unlock':
      return {
        menuLabel: $localize`:User row action:Unlock`,
        icon: 'lock_open',
        confirm: {
          title: $localize`Unlock ${name}:name:?`,
          message: $localize`They were locked out after too many failed sign-ins. Unlock only after confirming who is asking; they can then try their password and two-step verification again.`,
          confirmLabel: $localize`:Confirm button:Unlock`,
        },
        done: $localize`${name}:name: is unlocked and can sign in again.`,
      };
    case 'sign-out-everywhere':
      return {
        menuLabel: $localize`:User row action:Sign out everywhere`,
        icon: 'logout',
        confirm: {
          title: $localize`Sign ${name}:name: out everywhere?`,
          message: $localize`Every browser where they are signed in is signed out at once. They can sign in again.`,
          confirmLabel: $localize`:Confirm button:Sign out everywhere`,
          destructive: true,
        },
        done: $localize`${name}:name: is signed out everywhere.`,
      };
  }
}
