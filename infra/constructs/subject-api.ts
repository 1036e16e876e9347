import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The functions behind each route group of {@link SubjectApi}. */
export interface SubjectApiProps {
  /** `GET /`, `GET /{locale}`: the request form. */
  readonly form: IFunction;
  /** `POST /v1/requests`: a data subject's request. */
  readonly intake: IFunction;
  /** `GET`/`POST /v1/requests/{requestId}/verify`: proof of control of the email address. */
  readonly verify: IFunction;
  /** `GET /v1/requests/{requestId}/status`, and `POST /v1/requests/{requestId}/cancel` (the subject withdraws). */
  readonly status: IFunction;
  /** `GET /v1/requests/{requestId}/package`: the copy of the data (Art. 15(3)). */
  readonly download: IFunction;
  /** `POST /v1/opendsr/callback`: signed status callbacks of OpenDSR processors. */
  readonly opendsrCallback: IFunction;
  /** `GET`/`POST /v1/tasks/{requestId}/{processorId}`: vendors' and staff members' one-time links. */
  readonly task: IFunction;
  /** Steady-state requests per second across the API. @default 20 */
  readonly rateLimit?: number;
  /** @default 40 */
  readonly burstLimit?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly accessLogRetention?: RetentionDays;
}

/**
 * Every line of the access log. Tokens travel in query strings, so neither the path with its query
 * nor the request line is logged; the route key names the route without them. The source IP stays:
 * it is what lets abuse of the intake (verification mail to strangers) be traced, for one month.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/**
 * The public HTTP API the data subject uses without an account: the form, intake, verification,
 * status and download; and what answers waiting branches: OpenDSR callbacks and the one-time task
 * links of vendors and staff. One Lambda per route group; a `$default` stage with throttling and access logs.
 */
export class SubjectApi extends Construct {
  public readonly httpApi: HttpApi;
  public readonly stage: HttpStage;
  public readonly accessLogGroup: LogGroup;
  /** Base URL without trailing slash, e.g. `https://abc.execute-api.eu-north-1.amazonaws.com`. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: SubjectApiProps) {
    super(scope, id);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Data-subject requests: form, intake, verification, status, download, processor callbacks and tasks',
      // Our own $default stage below carries throttling and access logs.
      createDefaultStage: false,
    });

    this.accessLogGroup = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 20, burstLimit: props.burstLimit ?? 40 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    this.url = this.httpApi.apiEndpoint;

    const route = (path: string, methods: HttpMethod[], fn: IFunction, name: string) =>
      this.httpApi.addRoutes({ path, methods, integration: new HttpLambdaIntegration(`${name}Integration`, fn) });

    const form = new HttpLambdaIntegration('FormIntegration', props.form);
    this.httpApi.addRoutes({ path: '/', methods: [HttpMethod.GET], integration: form });
    this.httpApi.addRoutes({ path: '/{locale}', methods: [HttpMethod.GET], integration: form });
    route('/v1/requests', [HttpMethod.POST], props.intake, 'Intake');
    route('/v1/requests/{requestId}/verify', [HttpMethod.GET, HttpMethod.POST], props.verify, 'Verify');
    route('/v1/requests/{requestId}/status', [HttpMethod.GET], props.status, 'Status');
    route('/v1/requests/{requestId}/cancel', [HttpMethod.POST], props.status, 'Withdraw');
    route('/v1/requests/{requestId}/package', [HttpMethod.GET], props.download, 'Download');
    route('/v1/opendsr/callback', [HttpMethod.POST], props.opendsrCallback, 'OpendsrCallback');
    route('/v1/tasks/{requestId}/{processorId}', [HttpMethod.GET, HttpMethod.POST], props.task, 'Task');

    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Data subjects have no account (GDPR Art. 12(2): do not make exercising rights harder). The form and intake are public by design; verify, status, download and the vendor/staff task links check single-use or per-request secrets from the emailed links in the handler; OpenDSR callbacks are authenticated by their signature against the processor\'s declared trust roots.',
    });
  }
}
