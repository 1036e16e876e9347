/**
 * The connector definitions bundled with the functions (`config/connectors/*.json`), each read
 * and checked on first use. A new definition is one JSON file and one line here.
 */
import hubspot from '../../../config/connectors/hubspot.json' with { type: 'json' };
import intercom from '../../../config/connectors/intercom.json' with { type: 'json' };
import mailchimp from '../../../config/connectors/mailchimp.json' with { type: 'json' };
import stripe from '../../../config/connectors/stripe.json' with { type: 'json' };
import zendesk from '../../../config/connectors/zendesk.json' with { type: 'json' };
import { type Connector, parseConnector } from '../../domain/connector-schema';
import type { HttpProcessor } from '../../domain/register-schema';
import { misconfigured } from './errors';

/** Every definition by its name, as written. */
export const CATALOGUE: Readonly<Record<string, unknown>> = { mailchimp, stripe, hubspot, zendesk, intercom };

const parsed = new Map<string, Connector>();

/** The definition a processor names, checked; one the catalogue lacks fails the branch. */
export function connectorFor(p: Pick<HttpProcessor, 'id' | 'connector'>): Connector {
  let found = parsed.get(p.connector);
  if (!found) {
    const raw = CATALOGUE[p.connector];
    if (!raw) throw misconfigured(p.id, `there is no connector definition ${p.connector}`);
    found = parseConnector(raw, `config/connectors/${p.connector}.json`);
    parsed.set(p.connector, found);
  }
  return found;
}
