import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Whether a failed request's problem is shown in the global snackbar (default: yes). */
export const SHOW_PROBLEM_SNACKBAR = new HttpContextToken<boolean>(() => true);

/** Context for a request whose caller shows its errors itself, such as a form showing them inline. */
export function withoutProblemSnackbar(context = new HttpContext()): HttpContext {
  return context.set(SHOW_PROBLEM_SNACKBAR, false);
}
