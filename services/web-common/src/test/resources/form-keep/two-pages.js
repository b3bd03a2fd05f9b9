// form-keep.js run by node on two pages of one tab, in a small stand-in for the browser's DOM (only what the script
// uses; form.elements.namedItem answers by id as well as by name, as a browser's does, fieldsets included).
// Page 1: the move-in form after an address search, a match chosen, the head's number typed, then sent.
// Page 2: the same form as the page after the login shows it (resend notice, no search, so no match listed).
// Prints what a person would see on page 2, one "key=value" a line, for FormKeepScriptTest.
'use strict';
const fs = require('fs');
const vm = require('vm');

const LISTED = ['input', 'select', 'textarea', 'button', 'fieldset'];

class Element {
  constructor(tag, attrs, children) {
    this.tagName = tag.toUpperCase();
    this.attrs = Object.assign({}, attrs || {});
    this.children = [];
    this.parent = null;
    this.listeners = {};
    this.textContent = '';
    this.checked = 'checked' in this.attrs;
    this.value = this.attrs.value || '';
    (children || []).forEach((c) => (typeof c === 'string' ? (this.textContent += c) : this.appendChild(c)));
  }
  get id() { return this.attrs.id || ''; }
  set id(v) { this.attrs.id = v; }
  get name() { return this.attrs.name || ''; }
  set name(v) { this.attrs.name = v; }
  get type() { return this.tagName === 'INPUT' ? (this.attrs.type || 'text') : this.tagName.toLowerCase(); }
  set type(v) { this.attrs.type = v; }
  set className(v) { this.attrs.class = v; }
  set htmlFor(v) { this.attrs.for = v; }
  get form() { let p = this.parent; while (p && p.tagName !== 'FORM') { p = p.parent; } return p; }
  getAttribute(n) { return n in this.attrs ? this.attrs[n] : null; }
  hasAttribute(n) { return n in this.attrs; }
  appendChild(c) { c.parent = this; this.children.push(c); return c; }
  addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
  dispatch(type) { (this.listeners[type] || []).forEach((fn) => fn({ type })); }
  all() { return this.children.flatMap((c) => [c, ...c.all()]); }
  querySelectorAll(selector) {
    // tag, [attr], [attr="value"] and their combination: all the script asks for.
    const m = /^([a-z]*)(?:\[([a-z-]+)(?:="([^"]*)")?\])?$/.exec(selector);
    if (!m) { throw new Error('selector not supported here: ' + selector); }
    return this.all().filter((e) => (!m[1] || e.tagName === m[1].toUpperCase())
        && (!m[2] || (e.hasAttribute(m[2]) && (m[3] === undefined || e.getAttribute(m[2]) === m[3]))));
  }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
  get elements() {
    const listed = this.all().filter((e) => LISTED.includes(e.tagName.toLowerCase()));
    listed.namedItem = (n) => {
      const found = listed.filter((e) => e.id === n || e.name === n);
      return found.length === 0 ? null : found.length === 1 ? found[0] : found;
    };
    return listed;
  }
}
const el = (tag, attrs, ...children) => new Element(tag, attrs, children);

const SANGAM = '서울특별시 마포구 월드컵북로 396';
const SANGAM_LABEL = SANGAM + ' (상암동) 누리꿈스퀘어 [03925] · 행정동 상암동';

function moveInForm(matches) {
  const group = el('fieldset', { id: 'roadAddress', 'data-keep-choices': 'roadAddress' },
      el('legend', {}, '찾은 주소'),
      matches ? el('p', { id: 'roadAddress-help' }, '새 주소를 고르세요.')
          : el('p', { id: 'roadAddress-help', 'data-restored': '새 주소를 고르세요.' }, '검색어를 입력하고 …'));
  if (matches) {
    group.appendChild(el('div', {}, el('input', { type: 'radio', name: 'roadAddress', id: 'road-address-0', value: SANGAM }),
        el('label', { for: 'road-address-0' }, '서울특별시 마포구 월드컵북로 396 (상암동) 누리꿈스퀘어\n  [03925] · 행정동 상암동')));
    group.appendChild(el('div', {}, el('input', { type: 'radio', name: 'roadAddress', id: 'road-address-1', value: SANGAM.replace('396', '400') }),
        el('label', { for: 'road-address-1' }, '서울특별시 마포구 월드컵북로 400 (상암동) [03925]')));
  }
  return el('form', { method: 'post', action: '/my/move-in?from=%2Fmy%2Fmove-in', 'data-keep': '' },
      el('input', { type: 'hidden', name: 'csrf-token', value: 'fresh' }),
      el('fieldset', { id: 'mode' }, el('input', { type: 'radio', name: 'mode', id: 'mode-NEW_HOUSEHOLD', value: 'NEW_HOUSEHOLD' }),
          el('input', { type: 'radio', name: 'mode', id: 'mode-JOIN_HOUSEHOLD', value: 'JOIN_HOUSEHOLD' })),
      el('fieldset', { id: 'address' }, el('input', { type: 'search', id: 'addressQuery', name: 'addressQuery' }),
          el('button', { id: 'address-search', name: 'action', value: 'search-address' }), group,
          el('input', { type: 'text', id: 'addressDetail', name: 'addressDetail' })),
      el('input', { type: 'text', id: 'headNumber', name: 'headNumber', 'data-no-keep': '' }),
      el('button', { type: 'submit' }));
}

function storage() {
  const items = new Map();
  return {
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] || null,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k),
  };
}

function load(body, tab) {
  const document = {
    getElementById: (id) => body.all().find((e) => e.id === id) || null,
    querySelectorAll: (s) => body.querySelectorAll(s),
    createElement: (tag) => new Element(tag),
  };
  vm.runInNewContext(fs.readFileSync(process.argv[2], 'utf8'), { window: { sessionStorage: tab }, document, JSON, Date });
  return document;
}

const tab = storage();
const before = moveInForm(true);
const page1 = load(el('body', {}, before), tab);
page1.getElementById('mode-JOIN_HOUSEHOLD').checked = true;
page1.getElementById('addressQuery').value = SANGAM;
page1.getElementById('road-address-0').checked = true;
page1.getElementById('addressDetail').value = '1502호';
page1.getElementById('headNumber').value = '9001011234568';
before.dispatch('submit');
const out = [];
out.push('stored=' + [...Array(tab.length).keys()].map((i) => tab.getItem(tab.key(i))).join(' '));

const after = moveInForm(false);
const page2 = load(el('body', {}, el('div', { id: 'resend' }, el('p', { 'data-restored': '다시 채워 두었으니' }, '다시 보내세요')), after), tab);
const offered = page2.getElementById('roadAddress').querySelectorAll('input');
out.push('offered=' + offered.length);
offered.forEach((r, i) => {
  const label = page2.getElementById('roadAddress').querySelector('label[for="' + r.id + '"]');
  out.push('choice' + i + '=' + [r.type, r.name, r.value, r.checked, label ? label.textContent : '(no label)'].join('|'));
});
out.push('hint=' + page2.getElementById('roadAddress-help').textContent);
out.push('mode=' + page2.getElementById('mode-JOIN_HOUSEHOLD').checked);
out.push('addressQuery=' + page2.getElementById('addressQuery').value);
out.push('addressDetail=' + page2.getElementById('addressDetail').value);
out.push('headNumber=' + page2.getElementById('headNumber').value);
out.push('notice=' + page2.getElementById('resend').querySelector('[data-restored]').textContent);
out.push('left=' + tab.length);
process.stdout.write(out.join('\n') + '\n');
