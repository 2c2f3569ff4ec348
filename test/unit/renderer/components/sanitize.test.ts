// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeMailHtml, styleAttribute } from '../../../../src/renderer/components/sanitize';

const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const logo = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

const hostile = `
<html><head>
  <meta http-equiv="refresh" content="0;url=https://evil.test/">
  <link rel="stylesheet" href="https://evil.test/s.css">
  <base href="https://evil.test/">
  <title>Newsletter</title>
  <style>
    @import url("https://evil.test/import.css");
    @import 'https://evil.test/import2.css';
    body { background: url(https://track.test/bg.png) no-repeat; }
    .a { background-image: url( 'https://track.test/quoted.png' ); }
    .b { background: \\75 rl(https://track.test/escaped.png); }
    .c { background-image: image-set("https://track.test/set.png" 1x); }
    .d { background: url(cid:logo@x) }
    p { color: #333; font-weight: bold; }
  </style>
</head><body onload="alert(1)">
  <script>alert('x')</script>
  <p class="greeting" style="color: red; background: url(https://track.test/inline.png)">Hello <b>there</b>, <i>friend</i></p>
  <img src="https://track.test/pixel.gif" width="1" height="1" onerror="alert(2)" alt="">
  <img srcset="https://track.test/a.png 1x, //track.test/b.png 2x" alt="set">
  <img src="cid:logo@x" alt="Logo">
  <img src="${pixel}" alt="inline data">
  <img src="javascript:alert(3)" alt="js">
  <a href="javascript:alert(4)">js link</a>
  <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==">data link</a>
  <a href="https://example.test/page" ping="https://track.test/ping">good link</a>
  <a href="mailto:bob@example.test">mail bob</a>
  <form action="https://evil.test/steal"><input name="password"><button>Go</button></form>
  <iframe src="https://evil.test/frame"></iframe>
  <object data="https://evil.test/x.swf"></object><embed src="https://evil.test/e">
  <svg><script>alert(6)</script><image href="https://track.test/svg.png"/></svg>
  <table background="https://track.test/table.png"><tr><td>cell</td></tr></table>
  <video poster="https://track.test/poster.png" src="https://track.test/v.mp4"></video>
</body></html>`;

function parse(html: string): Document {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
}

describe('sanitizeMailHtml', () => {
  const result = sanitizeMailHtml(hostile, { inlineImages: { 'logo@x': logo } });
  const doc = parse(result.html);

  it('removes everything that runs code, navigates, submits or embeds', () => {
    expect(doc.querySelectorAll('script, iframe, object, embed, form, input, button, meta, link, base, svg, video, style, title')).toHaveLength(0);
    expect(result.html).not.toMatch(/alert|javascript:|evil\.test|Newsletter/i);
    const withHandlers = [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)));
    expect(withHandlers).toHaveLength(0);
  });

  it('leaves no remote URL anywhere, in markup or CSS', () => {
    expect(result.html).not.toMatch(/track\.test/);
    expect(result.css).not.toMatch(/track\.test|@import/);
    expect(doc.querySelectorAll('[srcset], [background], [ping]')).toHaveLength(0);
  });

  it('reports each blocked remote image once', () => {
    expect(result.blockedUrls.sort()).toEqual(
      [
        'https://track.test/bg.png',
        'https://track.test/quoted.png',
        'https://track.test/escaped.png',
        'https://track.test/inline.png',
        'https://track.test/pixel.gif',
        'https://track.test/a.png',
        'https://track.test/b.png',
        'https://track.test/table.png',
      ].sort(),
    );
  });

  it('replaces cid: images with the inline part and keeps data: images', () => {
    expect(doc.querySelector('img[alt="Logo"]')?.getAttribute('src')).toBe(logo);
    expect(doc.querySelector('img[alt="inline data"]')?.getAttribute('src')).toBe(pixel);
    expect(result.css).toContain(`url("${logo}")`);
    expect(doc.querySelector('img[alt="js"]')?.hasAttribute('src')).toBe(false);
  });

  it('keeps safe formatting and moves inline styles out of the markup', () => {
    const p = doc.querySelector('p.greeting');
    expect(p?.querySelector('b')?.textContent).toBe('there');
    expect(p?.querySelector('i')?.textContent).toBe('friend');
    expect(p?.hasAttribute('style')).toBe(false);
    expect(p?.getAttribute(styleAttribute)).toMatch(/^color: red; background: none$/);
    expect(result.css).toContain('p { color: #333; font-weight: bold; }');
    expect(doc.querySelector('td')?.textContent).toBe('cell');
  });

  it('keeps only http(s) and mailto links, opening them without opener or referrer', () => {
    const links = [...doc.querySelectorAll('a')];
    expect(links.filter((a) => a.hasAttribute('href')).map((a) => a.getAttribute('href'))).toEqual([
      'https://example.test/page',
      'mailto:bob@example.test',
    ]);
    for (const a of links.filter((link) => link.hasAttribute('href'))) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('substitutes remote images the person allowed, and drops the ones that failed', () => {
    const allowed = sanitizeMailHtml(
      '<img src="https://track.test/pixel.gif" alt="ok"><img src="https://track.test/gone.png" alt="gone"><p style="background:url(https://track.test/bg.png)">x</p>',
      {
        inlineImages: {},
        remoteImages: { 'https://track.test/pixel.gif': pixel, 'https://track.test/gone.png': null, 'https://track.test/bg.png': logo },
      },
    );
    const allowedDoc = parse(allowed.html);
    expect(allowedDoc.querySelector('img[alt="ok"]')?.getAttribute('src')).toBe(pixel);
    expect(allowedDoc.querySelector('img[alt="gone"]')?.hasAttribute('src')).toBe(false);
    expect(allowedDoc.querySelector('p')?.getAttribute(styleAttribute)).toBe(`background:url("${logo}")`);
    expect(allowed.blockedUrls).toEqual([]);
  });

  it('keeps text that merely looks like a handler, outside tags', () => {
    const text = sanitizeMailHtml('<p title="x">Turn online=yes on, onclick=nothing</p>', { inlineImages: {} });
    expect(parse(text.html).querySelector('p')?.textContent).toBe('Turn online=yes on, onclick=nothing');
  });

  it('does not let a data attribute in the mail pose as a sanitised style', () => {
    const forged = sanitizeMailHtml(`<p ${styleAttribute}="background:url(https://track.test/x.png)">x</p>`, { inlineImages: {} });
    expect(forged.html).not.toContain('track.test');
  });
});

describe('consent means images (issue #10 §4)', () => {
  const notImages = `
<style>
  @font-face { font-family: Tracked; src: url(https://track.test/font.woff2) format("woff2"), url('https://track.test/font.ttf'); }
  body { cursor: url(https://track.test/cursor.cur), auto; }
  .x { -moz-binding: url(https://track.test/binding.xml#x); behavior: url(https://track.test/behavior.htc); }
  .y::before { content: url(https://track.test/content.png); }
  .z { mask-image: url(https://track.test/mask.svg); border-image: url(https://track.test/border.png) 30; filter: url(https://track.test/filter.svg#f); }
  .list { list-style: square url(https://track.test/bullet.png); }
  .list2 { list-style-image: url("https://track.test/bullet2.png"); }
  .ok { background-image: url(https://track.test/background.png); }
  @media screen { .m { background: #fff url(https://track.test/media-bg.png) no-repeat; } }
</style>
<p style="cursor: url(https://track.test/inline-cursor.cur), auto; background: url(https://track.test/inline-bg.png)">text</p>
<div style="background:url(https://track.test/broken-css.png">unclosed url(</div>
<p>Plain text https://track.test/in-text.png and <a href="https://track.test/link.png">a link</a></p>
<img src="https://track.test/photo.png" alt='<img src="https://track.test/in-alt.png">'>
<img src="https://track.test/broken.png
<p title="x">after broken markup</p>
<div src="https://track.test/div-src.png" srcset="https://track.test/div-srcset.png 1x">div</div>
<table background="https://track.test/table-bg.png"><tr><td>cell</td></tr></table>
<noscript><img src="https://track.test/noscript.png"></noscript>
<template><img src="https://track.test/template.png"></template>`;

  const result = sanitizeMailHtml(notImages, { inlineImages: {} });

  it('reports only image URLs: img, background attribute, CSS backgrounds and list images', () => {
    expect([...result.blockedUrls].sort()).toEqual(
      [
        'https://track.test/background.png',
        'https://track.test/bullet.png',
        'https://track.test/bullet2.png',
        'https://track.test/inline-bg.png',
        'https://track.test/media-bg.png',
        'https://track.test/photo.png',
        'https://track.test/table-bg.png',
      ].sort(),
    );
  });

  it('drops fonts, cursors, bindings, behaviors, content, masks and filters from the CSS, consent or not', () => {
    const allowedAll = Object.fromEntries(
      ['font.woff2', 'font.ttf', 'cursor.cur', 'binding.xml#x', 'behavior.htc', 'content.png', 'mask.svg', 'border.png', 'filter.svg#f', 'inline-cursor.cur', 'broken-css.png', 'div-src.png', 'div-srcset.png', 'broken.png', 'in-text.png'].map(
        (name) => [`https://track.test/${name}`, pixel],
      ),
    );
    const consented = sanitizeMailHtml(notImages, { inlineImages: {}, remoteImages: allowedAll });
    expect(consented.css).not.toMatch(/track\.test|data:image/);
    const doc = new DOMParser().parseFromString(consented.html, 'text/html');
    const styles = [...doc.querySelectorAll(`[${styleAttribute}]`)].map((el) => el.getAttribute(styleAttribute)).join('\n');
    expect(styles).not.toMatch(/data:image/);
    expect(doc.querySelectorAll('[src]')).toHaveLength(0);
  });
});

