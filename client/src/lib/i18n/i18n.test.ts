import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { en } from './en';
import { zhCN } from './zh-CN';
import { knownKey, resources } from './index';
import { AGENT_STATES } from '../api/types';

function flatten(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as object, key)) out.set(kk, vv);
  }
  return out;
}

const enKeys = flatten(en);
const zhKeys = flatten(zhCN);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('i18n resources', () => {
  it('every key is present in both English and zh-CN', () => {
    const missingInZh = [...enKeys.keys()].filter((k) => !zhKeys.has(k));
    const missingInEn = [...zhKeys.keys()].filter((k) => !enKeys.has(k));
    expect(missingInZh).toEqual([]);
    expect(missingInEn).toEqual([]);
    expect(enKeys.size).toBeGreaterThan(100);
  });

  it('no text is empty, and interpolations match between languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of enKeys) {
      expect(v.trim(), k).not.toBe('');
      const zh = zhKeys.get(k) ?? '';
      expect(zh.trim(), k).not.toBe('');
      expect(vars(zh), k).toEqual(vars(v));
    }
  });

  it('every key used in the source exists', () => {
    const root = join(__dirname, '..', '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1]!);
      // column labels and other keys kept in tables
      for (const m of text.matchAll(/label: '([a-z]+\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(80);
    const missing = [...used].filter((k) => !enKeys.has(k));
    expect(missing).toEqual([]);
  });

  it('every agent state, the usual reasons and every alert kind of the contract are translated', () => {
    for (const s of AGENT_STATES) {
      expect(enKeys.has(knownKey('state', s)), s).toBe(true);
    }
    for (const r of ['away', 'break', 'lunch', 'meeting', 'training', 'restroom', 'coaching', 'rona', 'login']) {
      expect(enKeys.has(knownKey('reason', r)), r).toBe(true);
    }
    const kinds = [
      'notready.overtime',
      'unapproved.leave',
      'break.concurrency',
      'wrapup.overtime',
      'hold.overtime',
      'login.duplicate',
      'sl.breach',
      'feed.down',
      'qa.longcall',
      'qa.vip',
      'qa.tagged',
      'qa.sample',
      'qa.probation',
    ];
    for (const k of kinds) expect(enKeys.has(knownKey('alertKind', k)), k).toBe(true);
  });

  it('zh-CN uses the floor’s words from the glossary', () => {
    expect(zhCN.fig.serviceLevel).toBe('服务水平');
    expect(zhCN.fig.waiting).toBe('排队数');
    expect(zhCN.fig.longestWait).toBe('最长等待时长');
    expect(zhCN.state.available).toBe('空闲');
    expect(zhCN.state.oncall).toBe('通话中');
    expect(zhCN.state.wrapup).toBe('话后处理');
    expect(zhCN.state.notready).toBe('示忙');
    expect(zhCN.nav.wallboard).toBe('大屏');
    expect(zhCN.nav.supervisor).toBe('值班经理');
    expect(zhCN.nav.quality).toBe('质检员');
    expect(zhCN.reason.break).toBe('小休');
    expect(zhCN.alertKind.login_duplicate).toBe('工号盗用');
    expect(zhCN.conn.feedDown).toBe('数据中断');
  });
});

describe('language choice', () => {
  async function detect(): Promise<string | undefined> {
    const inst = i18next.createInstance();
    await inst.use(LanguageDetector).init({
      resources,
      fallbackLng: 'en',
      supportedLngs: ['en', 'zh-CN'],
      load: 'currentOnly',
      detection: { order: ['navigator'], caches: [] },
    });
    return inst.resolvedLanguage;
  }

  it('follows the browser: zh → zh-CN, anything else → English', async () => {
    const spy = (lang: string) => {
      Object.defineProperty(window.navigator, 'languages', { value: [lang], configurable: true });
      Object.defineProperty(window.navigator, 'language', { value: lang, configurable: true });
    };
    spy('zh-CN');
    expect(await detect()).toBe('zh-CN');
    spy('zh');
    expect(await detect()).toBe('zh-CN');
    spy('en-GB');
    expect(await detect()).toBe('en');
    spy('fr-FR');
    expect(await detect()).toBe('en');
  });

  it('translates with the chosen language', async () => {
    const inst = i18next.createInstance();
    await inst.init({ resources, lng: 'zh-CN', fallbackLng: 'en' });
    expect(inst.t('fig.serviceLevel')).toBe('服务水平');
    expect(inst.t('conn.staleSince', { time: '10:00:00' })).toBe('数据自 10:00:00 起未更新');
    await inst.changeLanguage('en');
    expect(inst.t('fig.serviceLevel')).toBe('Service level');
    expect(inst.t(knownKey('reason', 'somethingNew'), { defaultValue: 'somethingNew' })).toBe('somethingNew');
  });
});
