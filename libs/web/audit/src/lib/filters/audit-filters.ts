import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, OnInit, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatExpansionPanel, MatExpansionPanelHeader, MatExpansionPanelTitle } from '@angular/material/expansion';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOptgroup, MatOption, MatSelect } from '@angular/material/select';
import { type ManagedUser, UsersApi } from '@waypoint/web-auth';
import { actionLabel, AUDIT_OUTCOMES, type AuditFilters, type AuditScope, KNOWN_AUDIT_ACTIONS, outcomeLabel } from '@waypoint/web-audit-data';
import { canonicalZone, PROGRAM_TIME_ZONE } from '@waypoint/web-clock';
import { roleLabel } from '@waypoint/web-ui';
import { EMPTY, expand, map, reduce } from 'rxjs';
import { type AuditFilterValue, defaultFilterValue, participantIdValidator, rangeInOrder, toAuditFilters } from './audit-filter-value';

/** Below this width the filters start folded away, so the events are on the first screen. */
const PHONE_QUERY = '(max-width: 599.98px)';
/** The largest page the users API serves, so most programs need a single request. */
const USERS_PAGE_SIZE = 100;

export interface ActionGroup {
  label: string;
  actions: string[];
}

/**
 * Action codes by area, for the action select; every known action is in one (tested). A team's
 * report holds only events about participants.
 */
export function actionGroups(scope: AuditScope): ActionGroup[] {
  const areas: { label: string; prefixes: string[]; team: boolean }[] = [
    { label: $localize`:Group of audit actions:Participants`, prefixes: ['participant.'], team: true },
    {
      label: $localize`:Group of audit actions:Care and recovery plans`,
      prefixes: ['assignment.', 'care-team.', 'assessment.', 'timeline.', 'safety.', 'task.', 'plan.', 'goal.'],
      team: true,
    },
    { label: $localize`:Group of audit actions:Session notes`, prefixes: ['note.', 'group-session.'], team: true },
    { label: $localize`:Group of audit actions:Emergency access`, prefixes: ['break-glass.'], team: true },
    { label: $localize`:Group of audit actions:Sign-in and access`, prefixes: ['auth.', 'access.'], team: false },
    { label: $localize`:Group of audit actions:Users`, prefixes: ['user.'], team: false },
    { label: $localize`:Group of audit actions:API tokens`, prefixes: ['api-token.'], team: false },
    { label: $localize`:Group of audit actions:Notifications and settings`, prefixes: ['notification.', 'program.'], team: false },
    { label: $localize`:Group of audit actions:Audit trail`, prefixes: ['audit.'], team: false },
  ];
  return areas
    .filter((area) => scope === 'program' || area.team)
    .map((area) => ({
      label: area.label,
      actions: KNOWN_AUDIT_ACTIONS.filter((action) => area.prefixes.some((prefix) => action.startsWith(prefix))),
    }));
}

/**
 * The audit report's filters. Emits them on "Show events" once valid; "Reset" goes back to
 * the last seven days. Admins also choose a user, from the program's users.
 */
@Component({
  selector: 'lib-audit-filters',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatOptgroup,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-filters.html',
  styleUrl: './audit-filters.scss',
})
export class AuditFiltersForm implements OnInit {
  readonly #usersApi = inject(UsersApi);
  // The inputs are read on the clock the table shows times in: the program's.
  readonly #programZone = inject(PROGRAM_TIME_ZONE);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #breakpoints = inject(BreakpointObserver);

  /** The values to start from (the page's defaults, or a participant from a link). */
  readonly initial = input.required<AuditFilterValue>();
  readonly scope = input<AuditScope>('team');
  /** The filters, each time they are applied. */
  readonly applied = output<AuditFilters>();

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      from: [''],
      to: [''],
      actorId: [''],
      participantId: ['', participantIdValidator],
      action: [''],
      outcome: ['' as AuditFilterValue['outcome']],
    },
    { validators: rangeInOrder },
  );

  /** The program's users for the user select (admins); null until they arrive. */
  protected readonly users = signal<ManagedUser[] | null>(null);
  protected readonly groups = computed(() => actionGroups(this.scope()));
  protected readonly outcomes = AUDIT_OUTCOMES;
  protected readonly actionLabel = actionLabel;
  protected readonly outcomeLabel = outcomeLabel;
  protected readonly roleLabel = roleLabel;
  protected readonly expanded = toSignal(this.#breakpoints.observe(PHONE_QUERY).pipe(map((state) => !state.matches)), {
    initialValue: !this.#breakpoints.isMatched(PHONE_QUERY),
  });

  ngOnInit(): void {
    this.form.setValue(this.initial());
    if (this.scope() === 'program') this.#loadUsers();
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.#host.nativeElement.querySelector<HTMLElement>('input.ng-invalid')?.focus();
      return;
    }
    this.applied.emit(toAuditFilters(this.form.getRawValue(), this.#zone()));
  }

  #zone(): string | null {
    return canonicalZone(this.#programZone());
  }

  protected reset(): void {
    this.form.reset(defaultFilterValue(new Date(), '', this.#zone()));
    this.applied.emit(toAuditFilters(this.form.getRawValue(), this.#zone()));
  }

  /** Everyone, disabled people included: their past actions are still in the trail. */
  #loadUsers(): void {
    this.#usersApi
      .list(null, USERS_PAGE_SIZE)
      .pipe(
        expand((page) => (page.nextCursor ? this.#usersApi.list(page.nextCursor, USERS_PAGE_SIZE) : EMPTY)),
        reduce((users, page) => [...users, ...page.items], [] as ManagedUser[]),
        // Sorted by name, so a type-ahead in the select finds people.
        map((users) => users.sort((a, b) => a.displayName.localeCompare(b.displayName))),
      )
      // Without the list one can still filter by everything else; the snackbar says why.
      .subscribe({ next: (users) => this.users.set(users), error: () => this.users.set([]) });
  }
}
