import { HttpContextToken } from '@angular/common/http';

/**
 * Whether a 401 from this request should be answered with a refresh and one retry. Off for
 * the sign-in steps and the refresh call itself: their 401 is the answer, and retrying the
 * refresh on its own 401 would loop.
 */
export const SKIP_SESSION_REFRESH = new HttpContextToken<boolean>(() => false);
