import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../web/locale';
import { renderLinkProblem } from '../../../web/pages/link-problem';
import { renderPackageExpired } from '../../../web/pages/package-expired';
import { renderReplyReceived } from '../../../web/pages/reply-received';
import { renderTaskDone, renderTaskWithdrawn } from '../../../web/pages/task';

/**
 * The pages a request's own link leads to, after the fact, name whose request it is (the header's
 * second line), so a person with several organisations' links can tell them apart.
 */

const NAME = 'Demo Association <&>';
const SHOWN = '<span>Demo Association &lt;&amp;&gt;</span>';

describe('pages at the end of a link name the controller', () => {
  it('the link problem pages, the expired download, the answer received and the task pages', () => {
    for (const locale of LOCALES) {
      for (const reason of ['expired', 'used'] as const) expect(renderLinkProblem({ locale, reason, controllerName: NAME })).toContain(SHOWN);
      expect(renderPackageExpired({ locale, controllerName: NAME })).toContain(SHOWN);
      expect(renderPackageExpired({ locale, controllerName: NAME, deletedAt: '2026-03-17T12:00:00.000Z' })).toContain(SHOWN);
      expect(renderReplyReceived({ locale, statusUrl: '/v1/requests/r1/status?key=k', controllerName: NAME })).toContain(SHOWN);
      expect(renderTaskDone({ locale, alreadyDone: true, controllerName: NAME })).toContain(SHOWN);
      expect(renderTaskWithdrawn({ locale, controllerName: NAME })).toContain(SHOWN);
    }
  });

  it('a link that leads to no request names nobody', () => {
    expect(renderLinkProblem({ locale: 'en', reason: 'invalid' })).not.toContain('<span>');
    expect(renderPackageExpired({ locale: 'en' })).not.toContain('<span>');
  });
});
