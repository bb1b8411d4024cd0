// `npm test`: the whole gate, in order, stopping at the first failure (CONVENTIONS.md 12).
import { spawnSync } from 'node:child_process';

const steps = [
	['format', 'format:check'],
	['lint', 'lint'],
	['types', 'check'],
	['unit', 'test:unit'],
	['database', 'test:db'],
	['e2e', 'test:e2e']
];

let passed = 0;
for (const [label, script] of steps) {
	const started = Date.now();
	console.log(`\n▶ ${label} (npm run ${script})`);
	const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit', shell: false });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`✖ ${label} failed after ${seconds} s`);
		console.log(`gate: ${passed} passed, 1 failed`);
		process.exit(result.status ?? 1);
	}
	console.log(`✔ ${label} (${seconds} s)`);
	passed++;
}
console.log(`gate: ${passed} passed, 0 failed`);
