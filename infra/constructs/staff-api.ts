import { Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { CONSOLE_PATH } from './staff-identity';

/** Props of {@link StaffApi}. */
export interface StaffApiProps {
  /** The service's HTTP API; the staff routes are added to it. */
  readonly httpApi: IHttpApi;
  /** The `iss` the JWT authorizer accepts: the staff user pool's issuer URL. */
  readonly issuerUrl: string;
  /** The `aud` the JWT authorizer accepts: the console's app client id. */
  readonly audience: string;
  /** `GET /console`: the console page (no data; it signs in and calls the staff API). */
  readonly console: IFunction;
  /** `GET /v1/staff/requests`, `GET /v1/staff/requests/{requestId}`, its `/audit` export and its files (`/attachments/{file}`). */
  readonly requests: IFunction;
  /** `POST /v1/staff/requests/{requestId}/decisions`: approve, deny, extend, ask, retry, complete. */
  readonly decide: IFunction;
  /** `POST /v1/staff/requests`: an approver records a request that came by letter, phone, email or in person. */
  readonly enter: IFunction;
  /** GET /v1/staff/reports and /v1/staff/reports/requests.csv: the dashboard's figures and export. */
  readonly reports: IFunction;
  /** `GET /v1/staff/inbound[/{draftId}]`, `POST /v1/staff/inbound/{draftId}`: requests by email staff triage. */
  readonly inbound: IFunction;
}

/**
 * The staff console's routes on the service's HTTP API: the page, public, and the staff API behind
 * a JWT authorizer (API Gateway checks signature, `iss`, `aud` and `exp` of the id token in
 * `Authorization: Bearer ...`; the handlers then check the roles in `cognito:groups`).
 */
export class StaffApi extends Construct {
  public readonly authorizer: HttpJwtAuthorizer;
  /** `GET /console`. */
  public readonly consoleRoute: HttpRoute;
  /** The routes behind the JWT authorizer. */
  public readonly staffRoutes: HttpRoute[];

  constructor(scope: Construct, id: string, props: StaffApiProps) {
    super(scope, id);

    this.authorizer = new HttpJwtAuthorizer('StaffJwtAuthorizer', props.issuerUrl, {
      jwtAudience: [props.audience],
      identitySource: ['$request.header.Authorization'],
    });

    this.consoleRoute = new HttpRoute(this, 'ConsoleRoute', {
      httpApi: props.httpApi,
      routeKey: HttpRouteKey.with(CONSOLE_PATH, HttpMethod.GET),
      integration: new HttpLambdaIntegration('ConsoleIntegration', props.console),
    });
    // Acknowledged on this one route: the staff routes below must stay behind the authorizer.
    Validations.of(this.consoleRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The console page must load before anyone has signed in: it serves only HTML and a script (no request data), sends the browser to the Cognito hosted UI, and calls the JWT-authorized staff API with the id token.',
    });

    const requests = new HttpLambdaIntegration('StaffRequestsIntegration', props.requests);
    const decide = new HttpLambdaIntegration('StaffDecideIntegration', props.decide);
    const reports = new HttpLambdaIntegration('StaffReportsIntegration', props.reports);
    const enter = new HttpLambdaIntegration('StaffEnterIntegration', props.enter);
    const inbound = new HttpLambdaIntegration('StaffInboundIntegration', props.inbound);
    const routes: [string, string, HttpMethod, HttpLambdaIntegration][] = [
      ['ListRequestsRoute', '/v1/staff/requests', HttpMethod.GET, requests],
      ['EnterRequestRoute', '/v1/staff/requests', HttpMethod.POST, enter],
      ['GetRequestRoute', '/v1/staff/requests/{requestId}', HttpMethod.GET, requests],
      ['ExportAuditRoute', '/v1/staff/requests/{requestId}/audit', HttpMethod.GET, requests],
      ['OpenAttachmentRoute', '/v1/staff/requests/{requestId}/attachments/{file}', HttpMethod.GET, requests],
      ['DecideRoute', '/v1/staff/requests/{requestId}/decisions', HttpMethod.POST, decide],
      ['ReportsRoute', '/v1/staff/reports', HttpMethod.GET, reports],
      ['ReportsCsvRoute', '/v1/staff/reports/requests.csv', HttpMethod.GET, reports],
      ['ListInboundRoute', '/v1/staff/inbound', HttpMethod.GET, inbound],
      ['GetInboundRoute', '/v1/staff/inbound/{draftId}', HttpMethod.GET, inbound],
      ['DecideInboundRoute', '/v1/staff/inbound/{draftId}', HttpMethod.POST, inbound],
    ];
    this.staffRoutes = routes.map(
      ([routeId, path, method, integration]) =>
        new HttpRoute(this, routeId, {
          httpApi: props.httpApi,
          routeKey: HttpRouteKey.with(path, method),
          integration,
          authorizer: this.authorizer,
        }),
    );
  }
}
