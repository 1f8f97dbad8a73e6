/**
 * What n8n's verification checks in package.json before it reads any code: the npm
 * repository URL names a public GitHub repository, and the author, homepage and issue
 * tracker agree with it (a provenance statement is only accepted for the repository that
 * package.json names). Also the release settings the publish workflow relies on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PackageJson {
	name: string;
	license: string;
	keywords: string[];
	homepage: string;
	author: { name: string; email?: string; url: string };
	repository: { type: string; url: string };
	bugs: { url: string };
	publishConfig?: { access?: string; provenance?: boolean };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as PackageJson;
const GITHUB_REPOSITORY_URL = /^git\+https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\.git$/;

describe('package.json names one public GitHub repository', () => {
	const match = GITHUB_REPOSITORY_URL.exec(pkg.repository.url);
	const [, owner, repo] = match ?? [];

	it('as its git repository URL, the form npm and the provenance check compare', () => {
		expect(pkg.repository.type).toBe('git');
		expect(match).not.toBeNull();
		expect(repo).toBe(pkg.name);
	});

	it('and the homepage, issue tracker and author all point at that repository or its owner', () => {
		expect(pkg.homepage).toBe(`https://github.com/${owner}/${repo}#readme`);
		expect(pkg.bugs.url).toBe(`https://github.com/${owner}/${repo}/issues`);
		expect(pkg.author.name).toBe(owner);
		expect(pkg.author.url).toBe(`https://github.com/${owner}`);
	});
});

describe('release settings', () => {
	it('keeps the community-node keyword, MIT and no runtime dependencies', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('publishes publicly and only with provenance, so a publish from a laptop fails instead of shipping unverifiable', () => {
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
	});
});
