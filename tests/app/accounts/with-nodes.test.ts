import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { withNodes } from '../../../app/accounts/_components/with-nodes';

const html = (text: string, nodes: Parameters<typeof withNodes>[1]) =>
  renderToStaticMarkup(createElement('p', null, withNodes(text, nodes)));

describe('withNodes', () => {
  it('puts each element where the sentence names it', () => {
    expect(html('Last synced {time}', { time: createElement('time', null, '2 min ago') })).toBe(
      '<p>Last synced <time>2 min ago</time></p>',
    );
    expect(html('Zuletzt {time} synchronisiert', { time: createElement('time', null, 'vor 2 Min.') })).toBe(
      '<p>Zuletzt <time>vor 2 Min.</time> synchronisiert</p>',
    );
  });

  it('leaves a placeholder without an element visible', () => {
    expect(
      html('Create a {readOnly} key {other}.', { readOnly: createElement('strong', null, 'read-only') }),
    ).toBe('<p>Create a <strong>read-only</strong> key {other}.</p>');
  });
});
