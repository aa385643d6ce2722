import { Component } from '@angular/core';

@Component({
  selector: 'lib-web-shell',
  imports: [],
  templateUrl: './web-shell.html',
  styleUrl: './web-shell.css'
})
export class WebShell {}
