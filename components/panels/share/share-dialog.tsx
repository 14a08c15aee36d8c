'use client';

import { useMemo, useState } from 'react';
import { ShareDialogFrame } from './share-dialog-frame';
import { shareLinkKey } from './share-link-model';
import { ShareLinkSection } from './share-link-section';
import { initialShareOptions } from './share-options';
import { ShareOptionsForm, type SetShareOption } from './share-options-form';
import { SharePreview } from './share-preview';
import { badgePath, embedUrl, type ShareChoice, type ShareOptions } from './share-snippets';
import { ShareSnippetsColumn } from './share-snippets-column';
import styles from './share.module.css';

/**
 * The embed URL, an <iframe> snippet with the chosen options, a live preview, and the badge for wikis without
 * iframes, in a modal dialog; with a share link's token in each, for readers who are not signed in.
 */
export function ShareDialog({
  choices,
  label,
  onClose,
}: {
  choices: readonly ShareChoice[];
  label: string;
  onClose: () => void;
}) {
  const [index, setIndex] = useState(0);
  const choice = choices[index] ?? choices[0]!;
  const [options, setOptions] = useState<ShareOptions>(() => initialShareOptions(choice.panel));
  const set: SetShareOption = (key, value) => setOptions((prev) => ({ ...prev, [key]: value }));
  // Tokens minted in this dialog, by panel and target: each is shown only while the dialog is open.
  const [tokens, setTokens] = useState<Record<string, string>>({});
  const linkKey = shareLinkKey(choice);
  const token = tokens[linkKey] ?? null;

  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const url = embedUrl(origin, choice, options, token);
  const badge = useMemo(() => badgePath(choice, options.range, token), [choice, options.range, token]);

  return (
    <ShareDialogFrame label={label} onClose={onClose}>
      <ShareOptionsForm
        choices={choices}
        index={index}
        onIndex={setIndex}
        panel={choice.panel}
        options={options}
        set={set}
      />
      <ShareLinkSection
        key={linkKey}
        choice={choice}
        token={token}
        onCreated={(created) => setTokens((prev) => ({ ...prev, [linkKey]: created }))}
      />
      <div className={styles.columns}>
        <ShareSnippetsColumn
          origin={origin}
          url={url}
          badge={badge}
          choice={choice}
          height={options.height}
        />
        <SharePreview
          url={url}
          label={choice.label}
          height={options.height}
          onHeight={(height) => set('height', height)}
          badge={badge}
        />
      </div>
    </ShareDialogFrame>
  );
}
