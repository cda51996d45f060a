import { isRecord } from './types.js';

export interface FoundButton {
  actionId: string;
  value?: string;
  url?: string;
  text: string;
  blockId?: string;
}

function asButton(el: unknown, blockId: string | undefined): FoundButton | undefined {
  if (!isRecord(el) || el.type !== 'button' || typeof el.action_id !== 'string') return undefined;
  const label = isRecord(el.text) && typeof el.text.text === 'string' ? el.text.text : '';
  const b: FoundButton = { actionId: el.action_id, text: label };
  if (typeof el.value === 'string') b.value = el.value;
  if (typeof el.url === 'string') b.url = el.url;
  if (blockId !== undefined) b.blockId = blockId;
  return b;
}

/**
 * Buttons in a Block Kit `blocks` array (as recorded by FakeSlack: already JSON-parsed), in order:
 * elements of `actions` blocks and `section` accessories. Anything that isn't a blocks array → [].
 */
export function buttonsIn(blocks: unknown): FoundButton[] {
  if (!Array.isArray(blocks)) return [];
  const out: FoundButton[] = [];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const blockId = typeof block.block_id === 'string' ? block.block_id : undefined;
    const candidates: unknown[] = block.type === 'actions' && Array.isArray(block.elements) ? [...block.elements] : [];
    if (block.type === 'section' && block.accessory !== undefined) candidates.push(block.accessory);
    for (const el of candidates) {
      const b = asButton(el, blockId);
      if (b !== undefined) out.push(b);
    }
  }
  return out;
}
