import { networkInterfaces } from 'node:os';

/** This machine's IPv4 addresses on its networks (not loopback): what another machine can open. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((address) => (address && address.family === 'IPv4' && !address.internal ? [address.address] : []));
}
