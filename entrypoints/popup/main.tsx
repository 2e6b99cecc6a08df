import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/recovery.css';
import { applyDocumentLanguage } from '../../lib/browser-i18n';
import { loadVaultState } from '../../lib/hooks/use-vault';
import { keepAutoFocus } from '../../lib/auto-focus';
import { App } from './app';

applyDocumentLanguage();
// Shown later, a form or question with `autoFocus` takes the focus, as it would with React.
keepAutoFocus();
// One request before the first paint: the status and every code the worker holds (issue 13).
// Nothing else is asked until it is answered, so the worker answers it first.
// If the request fails, the app renders anyway and asks again itself.
void loadVaultState()
  .catch(() => undefined)
  .then((initial) =>
    createRoot(document.getElementById('root')!).render(<App initial={initial} />),
  );
