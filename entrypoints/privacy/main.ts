import { messagesLocale } from '../../utils/platform/i18n';
import { showPolicy } from './show-policy';

const show = () => {
  const browserLocale = messagesLocale();
  showPolicy(document, [decodeURIComponent(location.hash.slice(1)), browserLocale, browserLocale.split(/[-_]/)[0]!]);
};
window.addEventListener('hashchange', show);
show();
