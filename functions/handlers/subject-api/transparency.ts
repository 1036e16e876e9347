import middy from '@middy/core';
import { renderNotFound } from '../../../web/pages/not-found';
import { renderTransparencyPage } from '../../../web/pages/transparency';
import { inLocale } from '../../domain/register-schema';
import { configure } from '../../platform/config';
import { type HttpEvent, type HttpResult, html, httpMiddleware, pickLocale } from '../../platform/http';
import { findController } from '../../platform/register';
import { nextTransparencyRefresh, publishedTransparency } from '../../reporting/transparency';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE');

/**
 * GET /transparency/{controllerId}[?lang=xx]: the controller's published aggregate figures, in its
 * languages. A controller that does not publish them is a 404, like an unknown one.
 */
async function transparency(event: HttpEvent): Promise<HttpResult> {
  const controller = findController(event.pathParameters?.controllerId ?? '');
  if (!controller?.transparency?.publish) return html(404, renderNotFound({ locale: pickLocale(event) }));
  const preferred = pickLocale(event);
  const locale = controller.locales.includes(preferred) ? preferred : controller.locales[0]!;
  const path = `/transparency/${encodeURIComponent(controller.id)}`;
  const figures = await publishedTransparency(controller.id);
  // A published controller always has a digest (the register's check): it publishes the figures.
  const firstFiguresBy = !figures && controller.digest ? nextTransparencyRefresh(controller.digest) : undefined;
  return html(
    200,
    renderTransparencyPage({
      locale,
      controllerName: inLocale(controller.name, locale, controller),
      figures,
      alternates: Object.fromEntries(controller.locales.map((l) => [l, `${path}?lang=${l}`])),
      // The accent only: the page's CSP loads no images from elsewhere.
      branding: { accentColour: controller.branding.accentColour },
      formUrl: `/c/${encodeURIComponent(controller.id)}/${locale}`,
      dpoEmail: controller.dpoEmail,
      firstFiguresBy: firstFiguresBy?.toISOString(),
      timeZone: controller.digest?.timezone,
    }),
  );
}

export const handler = middy().use(httpMiddleware()).handler(transparency);
