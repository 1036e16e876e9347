import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  type UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Props of {@link StaffIdentity}. */
export interface StaffIdentityProps {
  /**
   * Base URL of the service without trailing slash; the console lives at `${publicBaseUrl}/console`,
   * which is the app client's only callback and logout URL. May be a token (the HTTP API's endpoint).
   */
  readonly publicBaseUrl: string;
  /**
   * Prefix of the Cognito hosted domain, `<prefix>.auth.<region>.amazoncognito.com`: lower-case
   * letters, digits and hyphens, unique in the region across all AWS accounts.
   * @default context `staffDomainPrefix`, else `<stack name>-staff-<account id>` in lower case
   */
  readonly domainPrefix?: string;
  /** How long an id token (the console's bearer token) is valid. @default Duration.hours(1) */
  readonly idTokenValidity?: Duration;
}

/** The Cognito groups a staff member may be in; the handlers check them (functions/staff/staff.ts). */
export const STAFF_GROUPS = {
  viewer: 'Reads requests of the controllers in custom:controllers',
  approver: 'Reads and decides requests of the controllers in custom:controllers',
} as const;

/** The path of the staff console page: the app client's callback and logout URL. */
export const CONSOLE_PATH = '/console';

/**
 * Who the staff are: a Cognito user pool that administrators fill (no self sign-up), with TOTP MFA
 * required, the roles `viewer` and `approver` as groups, and the controllers each person may see in
 * `custom:controllers` (`*` or comma-separated controller ids). The console signs in through the
 * hosted UI with the authorization code flow and PKCE (S256), checking `state` and the id token's
 * `nonce` and `token_use`; the client allows no other flow, so no token ever rides in a URL. The
 * HTTP API checks the id token with a JWT authorizer whose issuer is {@link issuerUrl} and audience
 * the {@link client}'s id.
 */
export class StaffIdentity extends Construct {
  public readonly userPool: UserPool;
  /** The console's app client: public (no secret), code flow only, id token with custom:controllers. */
  public readonly client: UserPoolClient;
  /** The Cognito hosted domain the sign-in page is served from. */
  public readonly domain: UserPoolDomain;
  /** The group names, by role. */
  public readonly groups: Record<keyof typeof STAFF_GROUPS, UserPoolGroup>;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the `iss` of the pool's tokens. */
  public readonly issuerUrl: string;
  /** The console's URL: `${publicBaseUrl}/console`. */
  public readonly consoleUrl: string;
  /** The hosted UI's authorize URL for the console (response_type=code, scopes openid email profile). */
  public readonly signInUrl: string;
  /** The hosted UI's token endpoint, where the console trades its code and PKCE verifier. */
  public readonly tokenUrl: string;
  /** The hosted UI's logout URL, back to the console. */
  public readonly signOutUrl: string;

  constructor(scope: Construct, id: string, props: StaffIdentityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.consoleUrl = `${props.publicBaseUrl}${CONSOLE_PATH}`;

    this.userPool = new UserPool(this, 'UserPool', {
      // Administrators invite staff; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // `*` or comma-separated controller ids of the register. Mutable for administrators only:
        // the app client below may not write it.
        controllers: new StringAttribute({ mutable: true, minLen: 1, maxLen: 2048 }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Staff see data subjects' addresses: a password alone is not enough.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, adaptive authentication) acting on risky
      // sign-ins, not only reporting them.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      // Deleting the pool would lock every staff member out and lose their roles.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.groups = {
      viewer: this.userPool.addGroup('ViewerGroup', { groupName: 'viewer', description: STAFF_GROUPS.viewer }),
      approver: this.userPool.addGroup('ApproverGroup', { groupName: 'approver', description: STAFF_GROUPS.approver }),
    };

    this.client = this.userPool.addClient('ConsoleClient', {
      // A browser page cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        // Code only: an implicit grant's token in the URL fragment cannot be tied to the sign-in
        // that asked for it, so a forged fragment would sign someone in as another person.
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [this.consoleUrl],
        logoutUrls: [this.consoleUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: props.idTokenValidity ?? Duration.hours(1),
      accessTokenValidity: props.idTokenValidity ?? Duration.hours(1),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }).withCustomAttributes('controllers'),
      // Left unset, a client may write attributes on the user's behalf; custom:controllers (what a
      // person may see) must only ever be set by an administrator.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    const prefix = props.domainPrefix ?? (this.node.tryGetContext('staffDomainPrefix') as string | undefined) ?? defaultPrefix(stack);
    this.domain = this.userPool.addDomain('HostedDomain', {
      cognitoDomain: { domainPrefix: prefix },
      // The classic hosted UI needs no branding resource.
      managedLoginVersion: ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });

    this.issuerUrl = `https://cognito-idp.${stack.region}.amazonaws.com/${this.userPool.userPoolId}`;
    const hosted = `https://${this.domain.domainName}.auth.${stack.region}.amazoncognito.com`;
    const clientId = this.client.userPoolClientId;
    this.signInUrl = `${hosted}/oauth2/authorize?response_type=code&client_id=${clientId}` + `&redirect_uri=${this.consoleUrl}&scope=openid+email+profile`;
    this.tokenUrl = `${hosted}/oauth2/token`;
    this.signOutUrl = `${hosted}/logout?client_id=${clientId}&logout_uri=${this.consoleUrl}`;
  }
}

/**
 * `<stack name>-staff-<account>`, lower case: stable across deployments of one stack, unique across
 * accounts. Cognito rejects prefixes containing `aws`, `amazon` or `cognito`, so those are dropped.
 */
function defaultPrefix(stack: Stack): string {
  const name = stack.stackName
    .toLowerCase()
    .replace(/aws|amazon|cognito/g, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const account = Token.isUnresolved(stack.account) ? stack.account : stack.account.toLowerCase();
  return `${name || 'dsr'}-staff-${account}`;
}
