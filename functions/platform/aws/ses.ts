import { SESv2Client } from '@aws-sdk/client-sesv2';

/** The one SES (v2 API) client of a function. */
export const ses = new SESv2Client({});
