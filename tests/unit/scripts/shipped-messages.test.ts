import { describe, expect, it } from 'vitest';
import { shipLocales, shippedMessages } from '../../../scripts/shipped-messages';

describe('the shipped messages', () => {
  it('keep what the browser reads and drop what translators read', () => {
    expect(
      shippedMessages({
        plain: { message: 'Close', description: 'A button.' },
        counted: {
          message: 'Remove $count$ badges',
          description: 'The confirm button.',
          placeholders: { count: { content: '$1', example: '2' } },
        },
      }),
    ).toEqual({
      plain: { message: 'Close' },
      counted: { message: 'Remove $count$ badges', placeholders: { count: { content: '$1' } } },
    });
  });

  it("replace each locale's messages.json and leave every other public file as it is", () => {
    const files = [
      { relativeDest: '_locales/en/messages.json', absoluteSrc: `${process.cwd()}/public/_locales/en/messages.json` },
      { relativeDest: 'icon/16.png', absoluteSrc: '/nowhere/16.png' },
    ];
    shipLocales(files);
    expect(files[1]).toEqual({ relativeDest: 'icon/16.png', absoluteSrc: '/nowhere/16.png' });
    const shipped = JSON.parse((files[0] as unknown as { contents: string }).contents);
    expect(shipped.control_button).toEqual({ message: 'Remove badges' });
  });
});
