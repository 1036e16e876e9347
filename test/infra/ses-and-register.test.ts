import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import { HouseFunction, REPO_ROOT } from '../../infra/constructs/house-function';
import { DEMO_REGISTER_FILE, demoValues, readRegisterSource, writeCompiledRegister } from '../../infra/register-source';

type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown };

const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };
const PRODUCTION_REGISTER = path.join(REPO_ROOT, 'test', 'fixtures', 'production-register.json');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function synth(context: Record<string, unknown>, nag = false) {
  const { stack } = buildApp({ nag, appProps: { context: { ...SKIP_BUNDLING, ...context } } });
  return { stack, template: Template.fromStack(stack), resources: Template.fromStack(stack).toJSON().Resources as Record<string, Resource> };
}

const ofType = (resources: Record<string, Resource>, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

/** Every ses:* statement of every policy in the template. */
function sesStatements(resources: Record<string, Resource>): Statement[] {
  return ofType(resources, 'AWS::IAM::Policy')
    .flatMap(([, r]) => r.Properties.PolicyDocument.Statement as Statement[])
    .filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
}

describe('SES as deployed (the demo: no context)', () => {
  let resources: Record<string, Resource>;
  let template: Template;
  beforeAll(() => {
    ({ resources, template } = synth({}));
  });

  it("sends from a domain identity of the sender's domain, signed with Easy DKIM (2048-bit), with the configuration set as its default", () => {
    const [[setId]] = ofType(resources, 'AWS::SES::ConfigurationSet') as [[string, Resource]];
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.org',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } },
    });
  });

  it('puts every email through one configuration set: TLS required, bounces and complaints suppressed, reputation tracked', () => {
    expect(ofType(resources, 'AWS::SES::ConfigurationSet')).toHaveLength(1);
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
    });
  });

  it("gives every sending function the configuration set's name, and lets it send only from the identity through that set", () => {
    const [[setId]] = ofType(resources, 'AWS::SES::ConfigurationSet') as [[string, Resource]];
    const [[identityId]] = ofType(resources, 'AWS::SES::EmailIdentity') as [[string, Resource]];
    const senders = ofType(resources, 'AWS::Lambda::Function').filter(([, r]) => r.Properties.Environment?.Variables?.SENDER_EMAIL);
    expect(senders.length).toBe(16);
    for (const [id, fn] of senders) expect(fn.Properties.Environment.Variables.SES_CONFIGURATION_SET, id).toEqual({ Ref: setId });
    const statements = sesStatements(resources);
    expect(statements.length).toBe(senders.length);
    for (const s of statements) {
      expect(s.Action).toBe('ses:SendEmail');
      const targets = [s.Resource].flat().map((r) => JSON.stringify(r));
      expect(targets).toHaveLength(2);
      expect(targets[0]).toContain(identityId);
      expect(targets[1]).toContain(':configuration-set/');
      expect(targets[1]).toContain(setId);
      expect(targets.join()).not.toContain('identity/*');
    }
  });

  it('lists the DKIM records to publish when no hosted zone is given', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).filter((k) => k.startsWith('SenderDkimRecord'))).toHaveLength(3);
    expect(JSON.stringify(outputs.SenderDkimRecord1!.Value)).toContain('DkimDNSTokenName1');
    expect(ofType(resources, 'AWS::Route53::RecordSet')).toHaveLength(0);
  });
});

describe('SES with a hosted zone, in the sandbox', () => {
  let resources: Record<string, Resource>;
  beforeAll(() => {
    ({ resources } = synth({
      senderEmail: 'privacy@acme-association.eu',
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      hostedZoneName: 'acme-association.eu',
      sesSandbox: 'true',
      register: PRODUCTION_REGISTER,
    }));
  });

  it('publishes the three DKIM CNAME records in the zone', () => {
    const records = ofType(resources, 'AWS::Route53::RecordSet');
    expect(records).toHaveLength(3);
    for (const [, r] of records) expect(r.Properties).toMatchObject({ Type: 'CNAME', HostedZoneId: 'Z0123456789ABCDEFGHIJ' });
    expect(ofType(resources, 'AWS::SES::EmailIdentity')[0]![1].Properties.EmailIdentity).toBe('acme-association.eu');
  });

  it("may send to this account's verified identities (the sandbox's recipients), and to nothing else", () => {
    for (const s of sesStatements(resources)) {
      const targets = [s.Resource].flat().map((r) => JSON.stringify(r));
      expect(targets).toHaveLength(3);
      expect(targets[2]).toMatch(/:ses:.*:identity\/\*"/);
    }
  });

  it('is cdk-nag clean, the sandbox grant acknowledged', () => {
    const { app } = buildApp({
      nag: false,
      appProps: {
        outdir: mkdtempSync(path.join(tmpdir(), 'dsr-nag-ses-')),
        context: { ...SKIP_BUNDLING, senderEmail: 'privacy@acme-association.eu', sesSandbox: 'true', register: PRODUCTION_REGISTER },
      },
    });
    dirs.push(app.outdir);
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
      const report = pack.validateScope(app);
      expect(
        report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.resourceLogicalId} ${r.locations?.join(',') ?? ''}`)),
        pack.readPackName,
      ).toEqual([]);
    }
  });

  it('refuses a sender address outside the sender domain, and a zone of another domain', () => {
    expect(() => synth({ senderEmail: 'privacy@acme.se', senderDomain: 'acme-association.eu', register: PRODUCTION_REGISTER })).toThrow(
      /privacy@acme\.se is not at the sender domain acme-association\.eu/,
    );
    expect(() => synth({ senderEmail: 'privacy@acme-association.eu', hostedZoneId: 'Z1', hostedZoneName: 'acme.se', register: PRODUCTION_REGISTER })).toThrow(
      /hosted zone acme\.se is not the sender domain acme-association\.eu/,
    );
  });
});

describe('a production register (-c register=)', () => {
  it('is what the stack grants at: its own tables, not the demo register', () => {
    const { resources } = synth({ register: PRODUCTION_REGISTER, senderEmail: 'privacy@acme-association.eu' });
    const policies = JSON.stringify(ofType(resources, 'AWS::IAM::Policy'));
    expect(policies).toContain('table/acme-members');
    expect(policies).not.toContain('demo-members');
  });

  it('refuses the demo register named as a production one, naming each demo value and what to give instead', () => {
    let message = '';
    try {
      synth({ register: DEMO_REGISTER_FILE });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('holds demo values');
    expect(message).toMatch(/controllers\.0\.processors\.\d+\.url: http:\/\/localhost:8090\/v1 is a localhost URL; give the service's public https URL/);
    expect(message).toMatch(/controllers\.0\.dpoEmail: an address at demo-association\.example is an example address/);
    expect(message).toMatch(/controllers\.0\.processors\.\d+\.trustRoots\.0: the demo CA/);
    expect(message).toContain("controllers.0.processors.0.table: demo-members is a demo table; name the controller's own DynamoDB table");
    expect(message).toContain('senderEmail: privacy@example.org is an example address (RFC 2606); deploy with -c senderEmail=');
    expect(message).toContain('-c demo=true');
  });

  it('refuses example.com, .net and .org addresses and URLs (RFC 2606), and localhost in any form', () => {
    const raw = JSON.parse(readFileSync(PRODUCTION_REGISTER, 'utf8'));
    raw.controllers[0].dpoEmail = 'dpo@example.com';
    raw.controllers[0].processors[1].contactEmail = 'privacy@mail.example.net';
    raw.controllers[0].privacyPolicyUrl = 'https://www.example.org/privacy';
    raw.controllers[0].supervisoryAuthority.url = 'http://127.0.0.1:8080/imy';
    const dir = mkdtempSync(path.join(tmpdir(), 'dsr-register-'));
    dirs.push(dir);
    const file = path.join(dir, 'register.json');
    writeFileSync(file, JSON.stringify(raw));
    const problems = demoValues(readRegisterSource({ file }), 'privacy@acme-association.eu');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^controllers\.0\.dpoEmail: an address at example\.com/),
        expect.stringMatching(/^controllers\.0\.processors\.1\.contactEmail: an address at mail\.example\.net/),
        expect.stringMatching(/^controllers\.0\.privacyPolicyUrl: https:\/\/www\.example\.org\/privacy is on an example domain/),
        expect.stringMatching(/^controllers\.0\.supervisoryAuthority\.url: http:\/\/127\.0\.0\.1:8080\/imy is a localhost URL/),
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(() => synth({ register: file, senderEmail: 'privacy@acme-association.eu' })).toThrow(/holds demo values/);
  });

  it('lets a database mask write an @invalid address, and refuses a database on localhost', () => {
    const raw = JSON.parse(readFileSync(PRODUCTION_REGISTER, 'utf8'));
    const database = (url: string) => ({
      id: 'shop-db',
      kind: 'sql',
      name: 'Shop database',
      dataCategories: ['orders'],
      purposes: ['sales'],
      legalBasis: 'contract',
      retention: 'six years',
      engine: 'postgres',
      connection: { url },
      tables: [
        {
          name: 'customer',
          key: ['id'],
          match: { column: 'email', identity: 'email' },
          erasure: { mode: 'mask', columns: { email: { format: 'erased+{key}@invalid' } } },
        },
      ],
    });
    const problemsWith = (url: string) => {
      raw.controllers[0].processors.push(database(url));
      const dir = mkdtempSync(path.join(tmpdir(), 'dsr-register-'));
      dirs.push(dir);
      const file = path.join(dir, 'register.json');
      writeFileSync(file, JSON.stringify(raw));
      raw.controllers[0].processors.pop();
      return demoValues(readRegisterSource({ file }), 'privacy@acme-association.eu');
    };
    expect(problemsWith('postgres://shop@db.acme-association.eu/shop')).toEqual([]);
    expect(problemsWith('postgres://shop@localhost:5432/shop')).toEqual([expect.stringMatching(/connection\.url: a database on localhost/)]);
  });

  it('finds nothing to refuse in a production register and sender', () => {
    expect(demoValues(readRegisterSource({ file: PRODUCTION_REGISTER }), 'privacy@acme-association.eu')).toEqual([]);
  });

  it('synthesizes the demo register as a demo on purpose with -c demo=true', () => {
    const { stack } = synth({ register: DEMO_REGISTER_FILE, demo: 'true' });
    expect(stack.registerSource.demo).toBe(true);
    expect(stack.registerSource.register.controllers[0]!.id).toBe('demo-association');
  });

  it('is the demo when no register is named (so `npx cdk synth` works offline with no context)', () => {
    const { stack } = synth({});
    expect(stack.registerSource).toMatchObject({ file: DEMO_REGISTER_FILE, demo: true });
  });

  it('is the register the functions are bundled with, compiled, without the schema that checked it', () => {
    // One function, really bundled by the local esbuild, with the production register in place of the demo's.
    const outdir = mkdtempSync(path.join(tmpdir(), 'dsr-register-bundle-'));
    dirs.push(outdir);
    const app = new App({ outdir });
    const stack = new Stack(app, 'RegisterBundle');
    const registerFile = writeCompiledRegister(readRegisterSource({ file: PRODUCTION_REGISTER }), path.join(outdir, 'registers'));
    new HouseFunction(stack, 'Transparency', { entry: 'functions/handlers/subject-api/transparency.ts', registerFile });
    app.synth();
    const [asset] = readdirSync(outdir).filter((d) => d.startsWith('asset.'));
    const code = readFileSync(path.join(outdir, asset!, 'index.mjs'), 'utf8');
    expect(code).toContain('acme-association');
    expect(code).not.toContain('demo-association');
    // One of the schema's messages: checked at synthesis, so not shipped.
    expect(code).not.toContain('the DbiResourceId (db-...)');
  });
});
