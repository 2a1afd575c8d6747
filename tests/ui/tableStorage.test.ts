// @vitest-environment jsdom
// Where an app keeps its pasted table: a key of its own (its element's id, and in a frame which frame it is), in
// the tab's sessionStorage; a refused save throws so the store can say so, and a refused read gives nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { appInstance, tableKey, webTables } from '../../src/ui/mount.tsx';

afterEach(() => {
  document.body.replaceChildren();
  window.sessionStorage.clear();
});

const element = (id: string) => Object.assign(document.createElement('div'), { id });

describe('an app’s table storage', () => {
  it('names each app by its element and, in a frame, by which frame it is', () => {
    expect(appInstance(window, element('root'))).toBe('top.root');
    expect(appInstance(window, element(''))).toBe('top.app');
    const frames = [document.createElement('iframe'), document.createElement('iframe')];
    document.body.append(...frames);
    const [a, b] = frames.map((f) => appInstance(f.contentWindow!, element('root')));
    expect([a, b]).toEqual(['frame0.root', 'frame1.root']);
    expect(tableKey(a)).not.toBe(tableKey(b));
  });

  it('keeps two apps’ tables apart in one sessionStorage, removes an empty one, and says when it is refused', () => {
    const one = webTables(() => window.sessionStorage, 'top.a'), two = webTables(() => window.sessionStorage, 'top.b');
    one.save('1,2,0');
    two.save('3,4,1');
    expect([one.load(), two.load()]).toEqual(['1,2,0', '3,4,1']);
    one.save('');
    expect(window.sessionStorage.getItem(tableKey('top.a'))).toBeNull();
    expect(two.load()).toBe('3,4,1');
    const refused = webTables(() => {
      throw new DOMException('denied', 'SecurityError');
    }, 'top.c');
    expect(refused.load()).toBeNull();
    expect(() => refused.save('1')).toThrow(/denied/);
  });
});
