import middy from '@middy/core';
import { type FormController, renderRequestForm } from '../../../web/pages/form';
import { renderNotFound } from '../../../web/pages/not-found';
import { attributeLabel, inLocaleOf } from '../../domain/register-schema';
import { LOCALES, type Locale } from '../../domain/request';
import { rectifiableAttributes } from '../../domain/submission';
import { configure } from '../../platform/config';
import { type HttpEvent, type HttpResult, html, httpMiddleware, pickLocale } from '../../platform/http';
import { type Controller, findController, register } from '../../platform/register';

// The composition root: what this function is given, checked at cold start.
await configure('PUBLIC_BASE_URL');

const isLanguage = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** What the form shows of a controller in `locale`: who it is, what each right's fields offer, its languages and branding. */
export function formController(c: Controller, locale: Locale): FormController {
  const say = inLocaleOf(c, locale);
  return {
    id: c.id,
    name: say(c.name),
    dpoEmail: c.dpoEmail,
    ...(c.privacyPolicyUrl ? { privacyPolicyUrl: c.privacyPolicyUrl } : {}),
    locales: c.locales,
    consentPurposes: c.consentPurposes.map(({ id, name, description }) => ({ id, name: say(name), ...(description ? { description: say(description) } : {}) })),
    portabilityTargets: c.portabilityTargets.map(({ id, name }) => ({ id, name: say(name) })),
    rectifiableAttributes: rectifiableAttributes(c).map((id) => ({ id, label: attributeLabel(c, id, locale) })),
    ...(c.actsAsProcessorFor ? { actsAsProcessorFor: { description: say(c.actsAsProcessorFor.description) } } : {}),
    ...(c.identifiers.length ? { identifiers: c.identifiers } : {}),
    branding: c.branding,
  };
}

/**
 * A form page with the headers every page has, except that its CSP also lets images come from the
 * controller's logo origin (the register accepts https logos only). No other page loads anything from elsewhere.
 */
export function formPage(statusCode: number, body: string, controller?: Controller): HttpResult {
  const result = html(statusCode, body);
  const logo = controller?.branding.logoUrl;
  if (!logo) return result;
  const origin = new URL(logo).origin;
  const headers = result.headers ?? {};
  const csp = String(headers['content-security-policy'] ?? '').replace(/img-src ([^;]*)/, (_m, sources: string) => `img-src ${sources} ${origin}`);
  return { ...result, headers: { ...headers, 'content-security-policy': csp } };
}

/** The form in `locale` if the controller offers it, else in its first language. */
function controllerForm(controller: Controller, locale: Locale): HttpResult {
  const offered = controller.locales.includes(locale) ? locale : controller.locales[0]!;
  return formPage(200, renderRequestForm({ locale: offered, controllers: [formController(controller, offered)] }), controller);
}

/**
 * GET /, GET /{locale}: the form of the register's only controller, of the one named by
 * `?controller=`, or else the list of organisations. GET /c/{controllerId}[/{locale}]: that
 * controller's form in its own languages; an unknown controller or a language it does not offer is a 404.
 * Server-rendered, so it works without JavaScript.
 */
async function form(event: HttpEvent): Promise<HttpResult> {
  const { controllerId, locale: requested } = event.pathParameters ?? {};
  const notFound = () => html(404, renderNotFound({ locale: pickLocale(event) }));
  if (requested !== undefined && !isLanguage(requested)) return notFound();
  const locale: Locale = requested ?? pickLocale(event);

  if (controllerId !== undefined) {
    const controller = findController(controllerId);
    if (!controller || (requested !== undefined && !controller.locales.includes(requested))) return notFound();
    return controllerForm(controller, locale);
  }
  const queried = event.queryStringParameters?.controller;
  const chosen = queried ? findController(queried) : register.controllers.length === 1 ? register.controllers[0] : undefined;
  if (chosen) return controllerForm(chosen, locale);
  return html(200, renderRequestForm({ locale, controllers: register.controllers.map((c) => formController(c, locale)) }));
}

export const handler = middy().use(httpMiddleware()).handler(form);
