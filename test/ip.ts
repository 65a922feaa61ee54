// The network rules' IP helper: addresses, prefixes, masks, containment and the text forms it prints.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  addressKind,
  classfulPrefix,
  formatAddress,
  formatCidr,
  hostBitsSet,
  inSubnet,
  maskLength,
  networkOf,
  parseAddress,
  parseCidr,
  sameAddress,
  unpadded,
  type Address,
} from '../rules/_helpers/ip.js';

const addr = (text: string): Address => {
  const a = parseAddress(text);
  assert.ok(a, `${text} parses`);
  return a!;
};

test('IPv4 addresses: dotted quads only, no leading zeros, spaces around ignored', () => {
  assert.equal(addr('192.168.0.1'), { family: 4, value: 0xc0a80001n });
  assert.equal(addr(' 10.0.0.5 '), { family: 4, value: 0x0a000005n });
  for (const bad of ['192.168.0', '256.1.1.1', '010.1.1.1', '1.2.3.4.5', '1IPDomain', '', '10.0.0.5/24']) assert.is(parseAddress(bad), undefined, bad);
});

test('IPv6 addresses: compressed, full, with an IPv4 tail, with a zone id', () => {
  assert.equal(addr('::'), { family: 6, value: 0n });
  assert.equal(addr('::1'), { family: 6, value: 1n });
  assert.is(addr('ffff:1::3').value, (0xffffn << 112n) | (1n << 96n) | 3n);
  assert.is(addr('2001:0db8:0000:0000:0000:0000:0000:0001').value, addr('2001:db8::1').value);
  assert.is(addr('::ffff:192.0.2.1').value, (0xffffn << 32n) | 0xc0000201n);
  assert.is(addr('::192.0.2.1').value, 0xc0000201n);
  assert.is(addr('1:2:3:4:5:6:192.0.2.1').value, addr('1:2:3:4:5:6:c000:201').value);
  assert.equal(addr('fe80::1%12'), { family: 6, value: (0xfe80n << 112n) | 1n, zone: '12' });
  assert.ok(sameAddress(addr('fe80::1%12'), addr('FE80::1')));
  for (const bad of ['1::2::3', 'gggg::1', '1:2:3:4:5:6:7:8:9', ':::']) assert.is(parseAddress(bad), undefined, bad);
});

test('parseCidr: address with an optional prefix, in range for its family', () => {
  assert.equal(parseCidr('10.0.0.5/24'), { kind: 'ok', address: addr('10.0.0.5'), prefix: 24 });
  assert.equal(parseCidr('10.0.0.5'), { kind: 'ok', address: addr('10.0.0.5'), prefix: undefined });
  assert.equal(parseCidr(' ffff:1::3/48 '), { kind: 'ok', address: addr('ffff:1::3'), prefix: 48 });
  assert.equal(parseCidr('10.0.0.5/0'), { kind: 'ok', address: addr('10.0.0.5'), prefix: 0 });
  assert.equal(parseCidr('2001:db8::1/128'), { kind: 'ok', address: addr('2001:db8::1'), prefix: 128 });
  assert.equal(parseCidr('10.0.0.5/33'), { kind: 'prefixRange', address: addr('10.0.0.5'), prefix: 33, max: 32 });
  assert.equal(parseCidr('2001:db8::1/129'), { kind: 'prefixRange', address: addr('2001:db8::1'), prefix: 129, max: 128 });
  assert.equal(parseCidr('10.0.0.5/255.255.255.0'), { kind: 'badPrefix', address: addr('10.0.0.5'), prefix: '255.255.255.0' });
  assert.equal(parseCidr('10.0.0.5/'), { kind: 'badPrefix', address: addr('10.0.0.5'), prefix: '' });
  assert.equal(parseCidr('10.0.0.5/ 24'), { kind: 'badPrefix', address: addr('10.0.0.5'), prefix: ' 24' });
  assert.equal(parseCidr('10.0.0.5 /24'), { kind: 'badAddress', address: '10.0.0.5 ' });
  assert.equal(parseCidr('1IPDomain/24'), { kind: 'badAddress', address: '1IPDomain' });
  assert.equal(parseCidr('10.0.0/24'), { kind: 'badAddress', address: '10.0.0' });
});

test('parseCidr abbreviated: IPv4 networks without their trailing zero octets, only before a "/"', () => {
  assert.equal(parseCidr('192.168/16', { abbreviated: true }), { kind: 'ok', address: addr('192.168.0.0'), prefix: 16 });
  assert.equal(parseCidr('12.34.56/24', { abbreviated: true }), { kind: 'ok', address: addr('12.34.56.0'), prefix: 24 });
  assert.equal(parseCidr('10/8', { abbreviated: true }), { kind: 'ok', address: addr('10.0.0.0'), prefix: 8 });
  assert.equal(parseCidr('0.0.0.0/0', { abbreviated: true }), { kind: 'ok', address: addr('0.0.0.0'), prefix: 0 });
  assert.is(parseCidr('12.34', { abbreviated: true }).kind, 'badAddress');
  assert.is(parseCidr('12.300/16', { abbreviated: true }).kind, 'badAddress');
  assert.is(parseCidr('12.034/16', { abbreviated: true }).kind, 'badAddress');
});

test('host bits, networks and containment', () => {
  assert.not.ok(hostBitsSet(addr('10.1.0.0'), 16));
  assert.ok(hostBitsSet(addr('10.1.0.1'), 16));
  assert.not.ok(hostBitsSet(addr('10.1.2.3'), 32));
  assert.ok(hostBitsSet(addr('10.1.2.3'), 0));
  assert.not.ok(hostBitsSet(addr('::'), 0));
  assert.ok(hostBitsSet(addr('2001:db8::1'), 64));
  assert.not.ok(hostBitsSet(addr('2001:db8:0:1::'), 64));
  assert.equal(formatAddress(networkOf(addr('10.1.2.3'), 16)), '10.1.0.0');
  assert.equal(formatAddress(networkOf(addr('2001:db8:1:2:3::1'), 48)), '2001:db8:1::');
  assert.ok(inSubnet(addr('192.168.0.10'), 24, addr('192.168.0.1')));
  assert.not.ok(inSubnet(addr('192.168.0.10'), 24, addr('192.168.1.1')));
  assert.ok(inSubnet(addr('192.168.0.10'), 0, addr('8.8.8.8')));
  assert.not.ok(inSubnet(addr('192.168.0.10'), 0, addr('::1')));
  assert.ok(inSubnet(addr('2001:db8::10'), 64, addr('2001:db8::1')));
  assert.not.ok(inSubnet(addr('2001:db8::10'), 64, addr('2001:db8:0:1::1')));
});

test('classful prefixes follow the UnicastIpAddresses Value page; kinds of address', () => {
  assert.is(classfulPrefix(addr('10.168.1.0')), 8);
  assert.is(classfulPrefix(addr('127.255.255.255')), 8);
  assert.is(classfulPrefix(addr('160.168.1.0')), 16);
  assert.is(classfulPrefix(addr('192.168.1.1')), 24);
  assert.is(classfulPrefix(addr('224.0.0.1')), undefined);
  assert.is(classfulPrefix(addr('2001:db8::1')), undefined);
  const kinds = ['0.0.0.0', '127.0.0.1', '224.0.0.5', '255.255.255.255', '240.0.0.1', '10.0.0.1', '::', '::1', 'ff02::1', 'fe80::1'];
  assert.equal(kinds.map((k) => addressKind(addr(k))), [
    'unspecified', 'loopback', 'multicast', 'broadcast', 'reserved', 'unicast', 'unspecified', 'loopback', 'multicast', 'unicast',
  ]);
});

test('text forms: dotted IPv4, RFC 5952 IPv6', () => {
  for (const [input, out] of [
    ['10.0.0.1', '10.0.0.1'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:1:1:1:1:0:1', '2001:db8:1:1:1:1:0:1'],
    ['::', '::'],
    ['::1', '::1'],
    ['fe80::', 'fe80::'],
  ] as const) assert.is(formatAddress(addr(input)), out, input);
  assert.is(formatCidr(addr('10.0.0.0'), 8), '10.0.0.0/8');
});

test('dotted subnet masks and their prefix lengths', () => {
  assert.is(maskLength('255.255.255.0'), 24);
  assert.is(maskLength('255.255.255.128'), 25);
  assert.is(maskLength('0.0.0.0'), 0);
  assert.is(maskLength('255.255.255.255'), 32);
  assert.is(maskLength('255.0.255.0'), undefined);
  assert.is(maskLength('24'), undefined);
  assert.is(maskLength('ffff::'), undefined);
});

test('zero-padded IPv4 octets', () => {
  assert.is(unpadded('192.168.001.010'), '192.168.1.10');
  assert.is(unpadded(' 010.0.0.5 '), '10.0.0.5');
  assert.is(unpadded('192.168.1.10'), undefined);
  assert.is(unpadded('192.168.001.300'), undefined);
  assert.is(unpadded('10.0.0'), undefined);
});

test.run();
