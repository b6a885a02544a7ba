// Entry point of the main process (out/main/index.js, package.json "main").
import { startDesk } from './desk';

startDesk();
