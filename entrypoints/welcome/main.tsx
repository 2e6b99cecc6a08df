import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/welcome.css';
import { applyDocumentLanguage, t } from '../../lib/browser-i18n';
import { keepAutoFocus } from '../../lib/auto-focus';
import { App } from './app';

applyDocumentLanguage();
// Shown later, a form or question with `autoFocus` takes the focus, as it would with React.
keepAutoFocus();
document.title = t('welcome_title');
createRoot(document.getElementById('root')!).render(<App />);
