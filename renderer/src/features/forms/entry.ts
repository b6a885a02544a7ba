/**
 * What the rest of the desk uses from the forms, loaded on demand through `lazy.tsx`: this module
 * pulls in pdf-lib, fontkit and pako (about half of the desk's code), which the queue never needs.
 */
export { FormsPanel } from './FormsPanel';
export { FormTemplatesSection } from './FormTemplatesSection';
