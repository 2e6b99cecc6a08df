import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../../lib/background/start';

// A classic worker, one file: a popup opened after the worker went idle waits for it to start,
// and loading it as a module graph of chunks took ~70 ms longer (issue 13, cold A/B).
export default defineBackground({ main: startBackground });
