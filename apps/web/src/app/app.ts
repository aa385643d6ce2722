import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { LoadingBar } from '@waypoint/web-shell';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, LoadingBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lib-loading-bar />
    <router-outlet />
  `,
})
export class App {}
