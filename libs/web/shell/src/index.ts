// Pages stay out of this barrel so that nothing imports them eagerly and they remain lazy chunks.
export * from './lib/loading-bar/loading-bar';
export * from './lib/shell.routes';
