import { Injectable } from '@nestjs/common';
import type { EmployeePersonalFields } from './employee-personal.util';
import { EmployeePersonalRepository } from './employee-personal.repository';
import {
  AssignmentSnapshot,
  CareerAssignmentRow,
  DelegationRef,
  EmployeeStanding,
  OrgDirectoryRepository,
  PltDelegationRef,
  PpkChainRow,
} from './org-directory.repository';
import { UnitNode, UnitTreeRepository } from './unit-tree.repository';

export type { AssignmentSnapshot, DelegationRef, PltDelegationRef };

/**
 * Answers "who was where, under whom, on a date". PPK = delegation (Plt/Plh/delegasi) in force,
 * else the supervisor on the assignment in force; atasan PPK = the PPK's PPK.
 */
@Injectable()
export class OrgDirectory {
  constructor(
    private readonly personal: EmployeePersonalRepository,
    private readonly units: UnitTreeRepository,
    private readonly directory: OrgDirectoryRepository,
  ) {}

  snapshotById(employeeId: string, onDate: string): Promise<AssignmentSnapshot | null> {
    return this.directory.snapshotById(employeeId, onDate);
  }

  snapshotByNip(nip: string, onDate: string): Promise<AssignmentSnapshot | null> {
    return this.directory.snapshotByNip(nip, onDate);
  }

  /** Personal fields printed on official documents (PAK): null where not recorded. */
  documentIdentity(employeeId: string): Promise<EmployeePersonalFields> {
    return this.personal.read(employeeId);
  }

  /** Snapshots of many employees on one date, in one query (those without an assignment then are left out). */
  async snapshotsByIds(employeeIds: string[], onDate: string): Promise<AssignmentSnapshot[]> {
    if (employeeIds.length === 0) return [];
    return this.directory.snapshotsByIds(employeeIds, onDate);
  }

  /**
   * Direct reports of several PPKs on a date in one query (the rule of `ppkOf`: a delegation in force
   * overrides the supervisor on the assignment).
   */
  async reportsOf(ppkIds: string[], onDate: string): Promise<{ employeeId: string; ppkId: string }[]> {
    if (ppkIds.length === 0) return [];
    return this.directory.reportsOf(ppkIds, onDate);
  }

  /**
   * Serialises writers of one employee's records (SKP segments, delegations) until the caller's
   * transaction ends: overlap checks stay true until commit.
   */
  lockEmployee(employeeId: string): Promise<void> {
    return this.directory.lockEmployee(employeeId);
  }

  /** A delegation by id, or null. */
  delegation(id: string): Promise<DelegationRef | null> {
    return this.directory.delegation(id);
  }

  ppkOf(employeeId: string, onDate: string): Promise<string | null> {
    return this.directory.ppkOf(employeeId, onDate);
  }

  async atasanPpkOf(employeeId: string, onDate: string): Promise<string | null> {
    const ppk = await this.ppkOf(employeeId, onDate);
    return ppk ? this.ppkOf(ppk, onDate) : null;
  }

  /** Employees whose PPK on the date is `ppkId` (direct reports, including by delegation). */
  directReportIds(ppkId: string, onDate: string): Promise<string[]> {
    return this.directory.directReportIds(ppkId, onDate);
  }

  /** Plt delegations naming `ppkId` as the acting official that overlap [from, to]: each may get an ACTING SKP (spec 04 §1.2). */
  pltDelegationsOf(ppkId: string, from: string, to: string): Promise<PltDelegationRef[]> {
    return this.directory.pltDelegationsOf(ppkId, from, to);
  }

  /** Everyone with an assignment on a date (optionally only in some units), by NIP. */
  snapshotsOn(onDate: string, unitIds?: string[]): Promise<AssignmentSnapshot[]> {
    return this.directory.snapshotsOn(onDate, unitIds ?? null);
  }

  /** Which of these NIPs are employees (any assignment, past or present). */
  existingNips(nips: string[]): Promise<string[]> {
    return this.directory.existingNips(nips);
  }

  /** Employee ids of these NIPs. */
  idsByNips(nips: string[]): Promise<string[]> {
    return this.directory.idsByNips(nips);
  }

  /** The id of a unit by its code, or null. */
  unitIdByCode(code: string): Promise<string | null> {
    return this.directory.unitIdByCode(code);
  }

  /** Unit ids of a unit and all units below it. */
  async subtreeUnitIds(unitId: string): Promise<string[]> {
    return (await this.units.subtree(unitId)).map((u) => u.id);
  }

  /** Unit ids of the unit with this code and all units below it; empty when no unit has the code. */
  async subtreeUnitIdsByCode(code: string): Promise<string[]> {
    const id = await this.units.idByCode(code);
    return id ? this.subtreeUnitIds(id) : [];
  }

  /** The employee's id by NIP (whatever their assignments); null when unknown. */
  employeeIdByNip(nip: string): Promise<string | null> {
    return this.directory.idByNip(nip);
  }

  /** NIP of each employee id asked for. */
  nipsByIds(ids: string[]): Promise<Map<string, string>> {
    return this.directory.nipsByIds(ids);
  }

  /** NIP, status and the position kind in force on the date (null when none) of each employee asked for. */
  standings(ids: string[], onDate: string): Promise<EmployeeStanding[]> {
    return this.directory.standings(ids, onDate);
  }

  /** Employees of a status with an open assignment (in post), e.g. every PPPK for the contract review (04 §6). */
  currentIdsByStatus(status: 'PNS' | 'PPPK'): Promise<string[]> {
    return this.directory.currentIdsByStatus(status);
  }

  /** One recorded employee event (mutasi, pensiun, Plt end …); null when unknown. */
  employeeEvent(id: string) {
    return this.directory.event(id);
  }

  /** Employees whose open assignment is in the unit with this code or below it. */
  async currentMemberIdsOfSubtree(unitCode: string): Promise<string[]> {
    return this.directory.currentMemberIds(await this.subtreeUnitIdsByCode(unitCode));
  }

  /** A unit and all units below it with their parents (the unit itself first). */
  subtreeUnits(unitId: string): Promise<UnitNode[]> {
    return this.units.subtree(unitId);
  }

  /**
   * Snapshots of many (employee, date) pairs in one read, keyed `employeeId|date` (pairs without an
   * assignment on their date are left out); null ids are skipped.
   */
  async snapshotsAt(ids: (string | null)[], dates: string[]): Promise<Map<string, AssignmentSnapshot>> {
    const rows = await this.directory.snapshotsAt(ids, dates);
    return new Map(rows.map(({ onDate, ...s }) => [`${s.employeeId}|${onDate}`, s]));
  }

  /** PPK and atasan PPK of each (employee, date) pair, in the pairs' order (the rule of `ppkOf`). */
  ppkChainsAt(ids: string[], dates: string[]): Promise<{ ppk: string | null; atasan: string | null }[]> {
    return this.directory.ppkChainsAt(ids, dates);
  }

  /**
   * In one read: the employee's PPK on the date, that PPK's PPK (atasan PPK), and the caller's own PPK
   * (the rule of `ppkOf`, by its SQL twin `ppk_on`); with `withSubject`, the employee's snapshot on the date
   * from the same read.
   */
  ppkChain(employeeId: string, callerId: string, onDate: string, withSubject = false): Promise<PpkChainRow> {
    return this.directory.ppkChain(employeeId, callerId, onDate, withSubject);
  }

  /** A unit (code, name, parent) by id or by code; null when unknown. */
  unit(by: { id: string } | { code: string }): Promise<UnitNode | null> {
    return this.units.node(by);
  }

  /** NIP and name of each employee id asked for. */
  people(ids: string[]): Promise<Map<string, { nip: string; name: string }>> {
    return this.directory.people(ids);
  }

  /** A unit and every unit above it, nearest first; the last is the agency (the root). */
  ancestorUnits(unitId: string): Promise<UnitNode[]> {
    return this.units.ancestors(unitId);
  }

  /** The head of a unit on a date (the employee whose assignment there is flagged isUnitHead). */
  unitHeadId(unitId: string, onDate: string): Promise<string | null> {
    return this.directory.unitHeadId(unitId, onDate);
  }

  /** Employee id of each known NIP asked for (unknown NIPs are left out). */
  idsOfNips(nips: string[]): Promise<Map<string, string>> {
    return this.directory.idsOfNips(nips);
  }

  /** NIP and status (PNS / PPPK) of each employee asked for. */
  identities(ids: string[]): Promise<{ id: string; nip: string; status: 'PNS' | 'PPPK' }[]> {
    return this.directory.identities(ids);
  }

  /** Every assignment of the employees started on or before `upTo` (position kind, jenjang, golongan), oldest first. */
  careers(ids: string[], upTo: string): Promise<CareerAssignmentRow[]> {
    return this.directory.careers(ids, upTo);
  }

  /** The unit of each employee's latest assignment overlapping [from, to] (inclusive dates). */
  unitsInPeriod(ids: string[], from: string, to: string): Promise<Map<string, string>> {
    return this.directory.unitsInPeriod(ids, from, to);
  }

  /** Every unit with its parent (the whole tree, for walks done in memory). */
  allUnits(): Promise<UnitNode[]> {
    return this.units.all();
  }

  /** The units with these codes (unknown codes are left out). */
  unitsByCodes(codes: string[]): Promise<UnitNode[]> {
    return this.units.byCodes(codes);
  }

  /** The units with these ids. */
  unitsByIds(ids: string[]): Promise<UnitNode[]> {
    return this.units.byIds(ids);
  }
}
