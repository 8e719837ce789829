/**
 * `npm run sandbox`: start the Zoho sandbox with the demo data and print how to point Chromium at it.
 * Options: --port N (default 8443), --host H (default 127.0.0.1), --auto-accept (skip the consent page),
 * --empty (no users, badges or labels).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumCommand, exposureWarning } from './browser-setup';
import { COMMUNITY_HC_ID, DEMO_USER_ID } from './data';
import { startSandbox } from './server';
import { SANDBOX_CLIENT_ID } from './state';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    host: { type: 'string', default: '127.0.0.1' },
    'auto-accept': { type: 'boolean', default: false },
    empty: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run sandbox -- [--port 8443] [--host 127.0.0.1] [--auto-accept] [--empty]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port}`);
  process.exit(2);
}

const warning = exposureWarning(values.host);
if (warning) console.warn(`${warning}\n`);

const sandbox = await startSandbox({ port, host: values.host, seed: values.empty ? 'empty' : 'demo' });
if (values['auto-accept']) sandbox.state.configure({ consent: 'auto-accept' });

const extensionDir = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');
const demoPage = `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${COMMUNITY_HC_ID}/users/${DEMO_USER_ID}`;

console.log(`Zoho sandbox listening on https://${values.host}:${sandbox.port}`);
console.log(`  answers as: ${sandbox.hostNames.join(', ')}`);
console.log(`  control API: ${sandbox.origin}/__sandbox/state`);
console.log(`  certificate SPKI (sha256, base64): ${sandbox.spki}`);
console.log(`  OAuth client ID: ${SANDBOX_CLIENT_ID} (no secret)`);
console.log(
  '\nChromium with the built extension, every host name mapped to the sandbox, background traffic off (throw-away profile):\n',
);
console.log(chromiumCommand(sandbox, extensionDir, demoPage));
console.log('\nCtrl-C stops the sandbox.');

const stop = () => {
  sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
