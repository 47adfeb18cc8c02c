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

describe('the words of stepping in', () => {
  it('zh-CN uses the glossary’s words for acknowledging, approving and the supervisor’s commands', () => {
    expect(zhCN.alert.acknowledge).toBe('确认');
    expect(zhCN.breaks.approve).toBe('批准');
    expect(zhCN.breaks.deny).toBe('驳回');
    expect(zhCN.agentPage.requestBreak).toBe('申请小休');
    expect(zhCN.actions.forceReady).toBe('强制置闲');
    expect(zhCN.actions.forceNotReady).toBe('强制示忙');
    expect(zhCN.actions.forceLogout).toBe('强制签出');
    expect(zhCN.monitor.mode.listen).toBe('实时监听');
    expect(zhCN.monitor.mode.barge).toBe('插入');
    expect(zhCN.monitor.mode.intercept).toBe('拦截');
    expect(zhCN.side.breaks).not.toBe(en.side.breaks);
  });

  it('every command, command state, break state and monitor mode has words', () => {
    for (const k of ['agent.forceReady', 'agent.forceNotReady', 'agent.forceLogout', 'agent.setQueues', 'agent.message', 'break.request', 'break.approve', 'break.deny', 'call.monitor']) {
      expect(enKeys.has(knownKey('commandName', k)), k).toBe(true);
    }
    for (const s of ['sending', 'error', 'pending', 'done', 'failed', 'refused']) expect(enKeys.has(`command.state.${s}`), s).toBe(true);
    for (const s of ['pending', 'approved', 'denied', 'refused', 'taken', 'ended']) expect(enKeys.has(`breakState.${s}`), s).toBe(true);
    for (const m of ['listen', 'whisper', 'barge', 'intercept']) {
      expect(enKeys.has(`monitor.mode.${m}`), m).toBe(true);
      expect(enKeys.has(`monitor.hint.${m}`), m).toBe(true);
    }
  });
});
