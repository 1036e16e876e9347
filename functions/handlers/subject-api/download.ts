import { text } from 'node:stream/consumers';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import middy from '@middy/core';
import { DOWNLOAD_HREF } from '../../../web/pages/access-package';
import { renderPackageExpired } from '../../../web/pages/package-expired';
import { isRequestId } from '../../domain/validation';
import { s3 } from '../../platform/aws/s3';
import { configure } from '../../platform/config';
import { getRequest } from '../../platform/data/requests';
import { type HttpEvent, type HttpResult, html, httpMiddleware, json, pickLocale, redirect, wantsJson } from '../../platform/http';
import { logger } from '../../platform/log';
import { packageBucket, packageViewKey, readObject } from '../../platform/package-bucket';
import { controllerNameIn } from '../../platform/register';
import { TOKEN_PATTERN, tokenMatches } from '../../platform/tokens';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET');

/** The presigned URL lives just long enough to start the download. */
const PRESIGNED_SECONDS = 300;

/**
 * GET /v1/requests/{requestId}/package?token=…: checks the download token from the completion
 * email and redirects to a short-lived presigned URL of the access package. With `/view`, an access
 * package's index as a page, for a browser that cannot open a ZIP, linking the download.
 */
async function download(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId ?? '';
  const token = event.queryStringParameters?.token ?? '';
  const request = isRequestId(requestId) && TOKEN_PATTERN.test(token) ? await getRequest(requestId) : undefined;
  const tokenOk = !!request && tokenMatches(token, request.downloadTokenHash);
  const valid = tokenOk && request?.packageKey && request.downloadExpiresAt && request.downloadExpiresAt > new Date().toISOString();
  // A link that was good names whose package it was; a wrong one says nothing of the request.
  const controllerName = tokenOk ? controllerNameIn(request.controllerId, request.locale) : undefined;
  if (tokenOk && request.packageDeletedAt) {
    // The service's own retention deleted the package after the link expired: say so, not just "expired".
    return wantsJson(event)
      ? json(410, { message: 'The package was deleted after its download link expired', errors: { token: 'package deleted' } })
      : html(410, renderPackageExpired({ locale: pickLocale(event, request.locale), deletedAt: request.packageDeletedAt, controllerName }));
  }
  if (!request || !valid) {
    return wantsJson(event)
      ? json(410, { message: 'This download link is invalid or has expired', errors: { token: 'invalid or expired' } })
      : html(410, renderPackageExpired({ locale: pickLocale(event, tokenOk ? request.locale : undefined), controllerName }));
  }
  if (event.rawPath.endsWith('/package/view')) {
    if (request.type !== 'access') {
      return wantsJson(event)
        ? json(404, { message: 'Only an access package has a page to view', errors: { requestId: 'not an access request' } })
        : html(404, renderPackageExpired({ locale: pickLocale(event, request.locale), controllerName }));
    }
    const page = await text(await readObject(packageViewKey(request.requestId)));
    logger.info('package viewed', { requestId });
    // Relative, so the page needs no base URL: from …/package/view to …/package.
    return html(200, page.replace(`href="${DOWNLOAD_HREF}"`, `href="../package?token=${encodeURIComponent(token)}"`));
  }
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: packageBucket(),
      Key: request.packageKey,
      ResponseContentDisposition: `attachment; filename="access-package-${request.requestId}.zip"`,
      ResponseContentType: 'application/zip',
    }),
    { expiresIn: PRESIGNED_SECONDS },
  );
  logger.info('package downloaded', { requestId });
  return redirect(url);
}

export const handler = middy().use(httpMiddleware()).handler(download);
