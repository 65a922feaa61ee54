// Which answer-file elements are list items (repeatable entries carrying wcm:action) and what keys them,
// built from the XML examples of Microsoft's Unattended Windows Setup Reference.
import type { ElementNode } from '../../src/parser/events.js';

export interface ListItemInfo {
  /** Child element holding the item's key; absent when the key is the wcm:keyValue attribute. */
  key?: string;
  /** Order range from the item's Order page ("an integer between 1 and 500"); [1, ∞) otherwise. */
  orderMax?: number;
}

const ORDER_500: ListItemInfo = { key: 'Order', orderMax: 500 };
const ORDER: ListItemInfo = { key: 'Order' };
const KEY_VALUE: ListItemInfo = {};

/**
 * List items by element name. Names that the reference only ever shows with wcm:action="add":
 * commands (…-runsynchronous-runsynchronouscommand-order.md and siblings: "an integer between 1 and 500"),
 * disk configuration (…-createpartition-order.md: "required even if you create only one partition"),
 * network lists (…-route-identifier.md: "a single unique key for each setting in a list"), accounts,
 * driver paths and image selection.
 */
const LIST_ITEMS: Readonly<Record<string, ListItemInfo>> = {
  RunSynchronousCommand: ORDER_500,
  RunAsynchronousCommand: ORDER_500,
  SynchronousCommand: ORDER_500,
  AsynchronousCommand: ORDER_500,
  CreatePartition: ORDER,
  ModifyPartition: ORDER,
  DataImage: ORDER,
  Disk: { key: 'DiskID' },
  Interface: { key: 'Identifier' },
  Route: { key: 'Identifier' },
  MetaData: { key: 'Key' },
  LocalAccount: { key: 'Name' },
  DomainAccount: { key: 'Name' },
  OfflineDomainAccount: { key: 'Name' },
  DomainAccountList: { key: 'Domain' },
  Scope: { key: 'ScopeKey' },
  FavoriteItem: { key: 'FavID' },
  FeedItem: { key: 'FeedKey' },
  Accelerator: { key: 'ItemKey' },
  IpAddress: KEY_VALUE,
  DomainName: KEY_VALUE,
  PathAndCredentials: KEY_VALUE,
  FirewallGroup: KEY_VALUE,
  ValidCommunity: KEY_VALUE,
  TrapConfigurationItems: KEY_VALUE,
  AssociationElement: KEY_VALUE,
  DeviceElement: KEY_VALUE,
  Portrule: KEY_VALUE,
  QuickLinkItem: KEY_VALUE,
  ProtectedVolumeEntry: KEY_VALUE,
};

export const LIST_ACTIONS = ['add', 'modify', 'remove'] as const;

/** Known list-item info for a setting element, by name. */
export function listItemInfo(node: ElementNode): ListItemInfo | undefined {
  return node.role === 'setting' && Object.hasOwn(LIST_ITEMS, node.local) ? LIST_ITEMS[node.local] : undefined;
}

/** A list item: an element that carries wcm:keyValue or wcm:action, or has a known list-item name. */
export function isListItem(node: ElementNode): boolean {
  return node.keyValue !== undefined || node.action !== undefined || listItemInfo(node) !== undefined;
}
