import { describe, expect, it } from 'vitest';
import { BR, facts, link, list, mailto, p, quote, renderEmail, strong } from '../../../web/emails/email';

describe('an email is one list of blocks, rendered as text and as HTML', () => {
  const email = renderEmail('en', 'Subject\nwith a break', [
    p('Hello,'),
    false,
    undefined,
    '',
    p(strong('Due <soon>'), ' ', 'then done.'),
    link('https://x.example/a?b=1&c=2', 'Open the page', 'To answer:'),
    link(' https://x.example/only ', 'Only a link'),
    link('javascript:alert(1)', 'Bad'),
    mailto('dpo@x.example', 'Questions?'),
    list('Where', [[strong('A'), ': done'], ['B']], 'We looked here:'),
    facts('The person', [['Email address', 'a@x.example']]),
    quote('The correction', [
      { label: 'What is wrong', text: 'Old\nstreet\n\nand more' },
      { label: 'What it should be', text: '' },
    ]),
    quote('Our question', [{ text: '' }]),
    p('Kind regards,', BR, 'Acme'),
  ]);

  it('writes the text part as paragraphs separated by blank lines', () => {
    expect(email.subject).toBe('Subject with a break');
    expect(email.text).toBe(
      `${[
        'Hello,',
        'Due <soon> then done.',
        'To answer:\nhttps://x.example/a?b=1&c=2',
        'https://x.example/only',
        'javascript:alert(1)',
        'Questions? dpo@x.example',
        'Where\nWe looked here:\n- A: done\n- B',
        'The person\nEmail address: a@x.example',
        'The correction\nWhat is wrong:\nOld\nstreet\n\nand more\nWhat it should be:\n',
        'Our question\n',
        'Kind regards,\nAcme',
      ].join('\n\n')}\n`,
    );
  });

  it('writes the same blocks as HTML, every value escaped and every link checked', () => {
    const body = email.html.slice(email.html.indexOf('line-height'), email.html.indexOf('</div>'));
    const P = '<p style="margin:0 0 16px">';
    const A = 'style="color:#0b4f8a;font-weight:bold"';
    const H2 = '<h2 style="font-size:18px;margin:24px 0 8px">';
    const UL = '<ul style="margin:0 0 16px;padding-left:24px">';
    expect(body.split('\n').slice(1)).toEqual([
      `${P}Hello,</p>`,
      `${P}<strong>Due &lt;soon&gt;</strong> then done.</p>`,
      `${P}To answer: <a href="https://x.example/a?b=1&amp;c=2" ${A}>Open the page</a></p>`,
      `${P}<a href="https://x.example/only" ${A}>Only a link</a></p>`,
      `${P}<a href="#" ${A}>Bad</a></p>`,
      `${P}Questions? <a href="mailto:dpo@x.example" ${A}>dpo@x.example</a></p>`,
      `${H2}Where</h2>`,
      `${P}We looked here:</p>`,
      UL,
      '<li><strong>A</strong>: done</li>',
      '<li>B</li>',
      '</ul>',
      `${H2}The person</h2>`,
      UL,
      '<li>Email address: <strong>a@x.example</strong></li>',
      '</ul>',
      `${H2}The correction</h2>`,
      `${P}<strong>What is wrong</strong></p>`,
      `${P}Old<br>street</p>`,
      `${P}and more</p>`,
      `${P}<strong>What it should be</strong></p>`,
      `${P}</p>`,
      `${H2}Our question</h2>`,
      `${P}Kind regards,<br>Acme</p>`,
      '',
    ]);
    expect(email.html).toContain('<title>Subject with a break</title>');
  });
});
