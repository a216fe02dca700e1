'use strict';
// An S3-compatible server for the S3 attachment store's tests: `node serve.js <folder> <bucket>` keeps
// the objects in <folder>, makes <bucket>, listens on a free loopback port and prints "listening <port>".
// Credentials: access key S3RVER, secret S3RVER (s3rver's one account). Signature Version 4 is verified:
// a request signed with another secret is refused with 403 SignatureDoesNotMatch.
//
// @20minutes/s3rver, not s3rver 3.7.1: 3.7.1 accepts any V4 signature whose access key is known (its
// authentication middleware says "Signature version 4 calculation is unimplemented"), so a wrong secret
// would pass. The fork carries s3rver's unreleased V4 verification. Its package ships no bin/ script,
// hence this launcher.
const S3rver = require('@20minutes/s3rver');

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) {
  console.error('usage: node serve.js <folder> <bucket>');
  process.exit(2);
}

// Ends with the test process that started it: its standard input is that process's pipe.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, vhostBuckets: false, configureBuckets: [{ name: bucket, configs: [] }] })
  .run()
  .then(({ port }) => console.log(`listening ${port}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
