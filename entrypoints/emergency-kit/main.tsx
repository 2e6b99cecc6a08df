import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import '../../components/recovery.css';
import '../../components/emergency-kit.css';
import { applyDocumentLanguage, t } from '../../lib/browser-i18n';
import { App } from './app';

applyDocumentLanguage();
document.title = t('kit_title');
createRoot(document.getElementById('root')!).render(<App />);
