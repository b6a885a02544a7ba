// Demo data for the desk: the UI calls loadDemoData on first start and resetDemoData from settings.
export { loadDemoData, resetDemoData, type DemoSummary, type LoadDemoOptions } from './load';
export { generateCases, loadBenchmarkCases, type GenerateOptions } from './generate';
export { buildDemoCases, DEFAULT_DEMO_SEED, type BuildDemoOptions, type DemoCase } from './build';
export { fetchDemoFiles, DEMO_FILES, type DemoFileName, type DemoFiles } from './files/manifest';
