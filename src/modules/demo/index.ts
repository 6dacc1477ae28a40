/** Demo data for a local installation (`pobyt start --demo`). */
export { readDemoExtras, readDemoLogins, seedDemo, type DemoExtras, type DemoLogin } from './seed-demo.ts';
