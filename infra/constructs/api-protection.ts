import { CfnOutput, Duration, Fn, Stack, Token, Validations } from 'aws-cdk-lib';
import { CfnRoute, type CfnStage, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct, type IConstruct } from 'constructs';

/** One route's token bucket: steady requests per second and the burst above it. */
export interface Throttle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * Who calls a route: data subjects without an account (`public`), signed-in staff (`staff`), or
 * processors answering a branch or reporting an event (`processors`: OpenDSR callbacks, one-time task
 * links, mailing tools' webhooks).
 */
export type RouteGroup = 'public' | 'staff' | 'processors';

/** Each group's throttle, applied to every route of the group on its own. */
export type RouteThrottles = Record<RouteGroup, Throttle>;

/**
 * Per route, so a flood of one route cannot use up another's: a form flooded by bots leaves the
 * staff console and the processors' callbacks their own allowance. Requests per second, per route,
 * across all callers (API Gateway's throttles are not per client; the edge's WAF rule is).
 */
export const DEFAULT_ROUTE_THROTTLES: RouteThrottles = {
  public: { rateLimit: 10, burstLimit: 20 },
  staff: { rateLimit: 10, burstLimit: 20 },
  // A processor may answer a batch of branches at once.
  processors: { rateLimit: 20, burstLimit: 40 },
};

/** The group of a route key, e.g. `POST /v1/opendsr/callback` → `processors`. */
export function routeGroup(routeKey: string): RouteGroup {
  const path = routeKey.split(' ')[1] ?? '';
  if (path === '/console' || path.startsWith('/v1/staff/')) return 'staff';
  if (path === '/v1/opendsr/callback' || path.startsWith('/v1/tasks/') || path.startsWith('/v1/webhooks/callback/') || path.startsWith('/v1/mailing-tools/')) {
    return 'processors';
  }
  return 'public';
}

/**
 * Gives every route of the stack's HTTP API its group's throttle as the stage's route settings.
 * The stage depends on each route it names: CloudFormation refuses settings for a route that does
 * not exist yet.
 */
export function throttleRoutes(scope: IConstruct, stage: CfnStage, throttles: RouteThrottles): void {
  const routes = scope.node.findAll().filter((c): c is CfnRoute => c instanceof CfnRoute);
  const settings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
  for (const route of routes) {
    const { rateLimit, burstLimit } = throttles[routeGroup(route.routeKey)];
    settings[route.routeKey] = { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit };
    stage.addResourceDependency(route);
  }
  stage.routeSettings = settings;
}

/** Props of {@link EdgeProtection}. */
export interface EdgeProtectionProps {
  readonly httpApi: HttpApi;
  /**
   * A WAFv2 web ACL of scope CLOUDFRONT (it lives in us-east-1 whatever the stack's region). None:
   * one is created here, which CloudFormation can do only in a stack deployed to us-east-1.
   */
  readonly webAclArn?: string;
  /** Requests one client IP address may make in any 5 minutes before the edge blocks it. @default 500 */
  readonly rateLimitPer5Minutes?: number;
}

/**
 * CloudFront in front of the HTTP API with a WAF rate-based rule per client IP address: the per-client
 * limit that API Gateway's per-route throttles cannot give. Nothing is cached (every answer is
 * personal or carries a token). The API's own execute-api URL still answers: API Gateway has no
 * way to accept only CloudFront without a custom domain, so its route throttles stay the floor.
 */
export class EdgeProtection extends Construct {
  public readonly distribution: Distribution;
  /** The web ACL created here; undefined when an existing one was named. */
  public readonly webAcl?: CfnWebACL;
  /** `https://<distribution domain>`. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: EdgeProtectionProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    let webAclArn = props.webAclArn;
    if (!webAclArn) {
      if (Token.isUnresolved(region) || region !== 'us-east-1') {
        throw new Error(
          'The edge option needs a WAF web ACL of scope CLOUDFRONT, which exists only in us-east-1: deploy this stack with region us-east-1, ' +
            'or create the web ACL there (a rate-based rule per IP address) and pass its ARN with -c edgeWebAclArn=arn:aws:wafv2:us-east-1:...',
        );
      }
      this.webAcl = new CfnWebACL(this, 'WebAcl', {
        scope: 'CLOUDFRONT',
        defaultAction: { allow: {} },
        description: 'Rate limit per client IP address in front of the data-subject-request API',
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'DsrEdge', sampledRequestsEnabled: false },
        rules: [
          {
            name: 'RatePerClient',
            priority: 0,
            action: { block: {} },
            statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: props.rateLimitPer5Minutes ?? 500, evaluationWindowSec: 300 } },
            // Sampled requests would keep URLs, and tokens travel in query strings.
            visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'DsrRatePerClient', sampledRequestsEnabled: false },
          },
        ],
      });
      webAclArn = this.webAcl.attrArn;
    }

    const apiDomain = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Data-subject-request API behind a WAF rate rule',
      webAclId: webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: new HttpOrigin(apiDomain, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          readTimeout: Duration.seconds(30),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // Every header but Host (API Gateway routes by its own host name), every query string and cookie.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'EdgeUrl', { value: this.url, description: 'The API through CloudFront and WAF' });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Data subjects may exercise their rights from anywhere (GDPR Art. 3 covers people in the Union wherever they travel); no geo restriction.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason: 'No CloudFront access logs: they record full URLs with query strings, where verification, status and download tokens travel.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason: 'The default CloudFront certificate allows only what CloudFront chooses; a custom domain with its own certificate sets TLSv1.2_2021.',
    });
  }
}
