/** The policy module: the one place where legal dates, amounts and periods live. */
export * from './domain/parameters.ts';
export * from './domain/lookup.ts';
export * from './domain/tolerance-admissibility.ts';
export * from './domain/tolerance-rules.ts';
