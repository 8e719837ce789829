import { useState } from 'preact/hooks';
import { t } from '../../utils/platform/i18n';

/** A value with a copy button: IDs, the redirect URI. */
export function CopyableId(props: { label: string; value: string; id?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <div class="copyable">
      <span class="copyable-label" id={props.id ? `${props.id}-label` : undefined}>
        {props.label}
      </span>
      <code class="copyable-value">{props.value}</code>
      <button type="button" onClick={copy} aria-label={t('common_copy_named', [props.label])}>
        {copied === 'yes' ? t('common_copied') : copied === 'failed' ? t('common_copy_failed') : t('common_copy')}
      </button>
    </div>
  );
}
