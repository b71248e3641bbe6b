import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmployeePersonalFields } from './employee-personal.util';
import { EmployeePersonalRepository } from './employee-personal.repository';
import {
  AssignmentSnapshot,
  CareerAssignmentRow,
  EmployeeStanding,
  OrgDirectoryRepository,
  PltDelegationRef,
} from './org-directory.repository';
import { UnitNode, UnitTreeRepository } from './unit-tree.repository';

export type { AssignmentSnapshot, PltDelegationRef };

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

  snapshotById(employeeId: string, onDate: string, manager?: EntityManager): Promise<AssignmentSnapshot | null> {
    return this.directory.snapshotById(employeeId, onDate, manager);
  }

  snapshotByNip(nip: string, onDate: string, manager?: EntityManager): Promise<AssignmentSnapshot | null> {
    return this.directory.snapshotByNip(nip, onDate, manager);
  }

  /** Personal fields printed on official documents (PAK): null where not recorded. */
  documentIdentity(employeeId: string, manager?: EntityManager): Promise<EmployeePersonalFields> {
    return this.personal.read(employeeId, manager);
  }

  /** Snapshots of many employees on one date, in one query (those without an assignment then are left out). */
  async snapshotsByIds(employeeIds: string[], onDate: string, manager?: EntityManager): Promise<AssignmentSnapshot[]> {
    if (employeeIds.length === 0) return [];
    return this.directory.snapshotsByIds(employeeIds, onDate, manager);
  }

  /**
   * Direct reports of several PPKs on a date in one query (the rule of `ppkOf`: a delegation in force
   * overrides the supervisor on the assignment).
   */
  async reportsOf(
    ppkIds: string[],
    onDate: string,
    manager?: EntityManager,
  ): Promise<{ employeeId: string; ppkId: string }[]> {
    if (ppkIds.length === 0) return [];
    return this.directory.reportsOf(ppkIds, onDate, manager);
  }

  ppkOf(employeeId: string, onDate: string, manager?: EntityManager): Promise<string | null> {
    return this.directory.ppkOf(employeeId, onDate, manager);
  }

  async atasanPpkOf(employeeId: string, onDate: string, manager?: EntityManager): Promise<string | null> {
    const ppk = await this.ppkOf(employeeId, onDate, manager);
    return ppk ? this.ppkOf(ppk, onDate, manager) : null;
  }

  /** Employees whose PPK on the date is `ppkId` (direct reports, including by delegation). */
  directReportIds(ppkId: string, onDate: string, manager?: EntityManager): Promise<string[]> {
    return this.directory.directReportIds(ppkId, onDate, manager);
  }

  /** Plt delegations naming `ppkId` as the acting official that overlap [from, to]: each may get an ACTING SKP (spec 04 §1.2). */
  pltDelegationsOf(ppkId: string, from: string, to: string, manager?: EntityManager): Promise<PltDelegationRef[]> {
    return this.directory.pltDelegationsOf(ppkId, from, to, manager);
  }

  /** Everyone with an assignment on a date (optionally only in some units), by NIP. */
  snapshotsOn(onDate: string, unitIds?: string[], manager?: EntityManager): Promise<AssignmentSnapshot[]> {
    return this.directory.snapshotsOn(onDate, unitIds ?? null, manager);
  }

  /** Which of these NIPs are employees (any assignment, past or present). */
  existingNips(nips: string[], manager?: EntityManager): Promise<string[]> {
    return this.directory.existingNips(nips, manager);
  }

  /** Employee ids of these NIPs. */
  idsByNips(nips: string[], manager?: EntityManager): Promise<string[]> {
    return this.directory.idsByNips(nips, manager);
  }

  /** The id of a unit by its code, or null. */
  unitIdByCode(code: string, manager?: EntityManager): Promise<string | null> {
    return this.directory.unitIdByCode(code, manager);
  }

  /** Unit ids of a unit and all units below it. */
  async subtreeUnitIds(unitId: string, manager?: EntityManager): Promise<string[]> {
    return (await this.units.subtree(unitId, manager)).map((u) => u.id);
  }

  /** Unit ids of the unit with this code and all units below it; empty when no unit has the code. */
  async subtreeUnitIdsByCode(code: string, manager?: EntityManager): Promise<string[]> {
    const id = await this.units.idByCode(code, manager);
    return id ? this.subtreeUnitIds(id, manager) : [];
  }

  /** The employee's id by NIP (whatever their assignments); null when unknown. */
  employeeIdByNip(nip: string, manager?: EntityManager): Promise<string | null> {
    return this.directory.idByNip(nip, manager);
  }

  /** NIP of each employee id asked for. */
  nipsByIds(ids: string[], manager?: EntityManager): Promise<Map<string, string>> {
    return this.directory.nipsByIds(ids, manager);
  }

  /** NIP, status and the position kind in force on the date (null when none) of each employee asked for. */
  standings(ids: string[], onDate: string, manager?: EntityManager): Promise<EmployeeStanding[]> {
    return this.directory.standings(ids, onDate, manager);
  }

  /** Employees of a status with an open assignment (in post), e.g. every PPPK for the contract review (04 §6). */
  currentIdsByStatus(status: 'PNS' | 'PPPK', manager?: EntityManager): Promise<string[]> {
    return this.directory.currentIdsByStatus(status, manager);
  }

  /** One recorded employee event (mutasi, pensiun, Plt end …); null when unknown. */
  employeeEvent(id: string, manager?: EntityManager) {
    return this.directory.event(id, manager);
  }

  /** Employees whose open assignment is in the unit with this code or below it. */
  async currentMemberIdsOfSubtree(unitCode: string, manager?: EntityManager): Promise<string[]> {
    return this.directory.currentMemberIds(await this.subtreeUnitIdsByCode(unitCode, manager), manager);
  }

  /** A unit and all units below it with their parents (the unit itself first). */
  subtreeUnits(unitId: string, manager?: EntityManager): Promise<UnitNode[]> {
    return this.units.subtree(unitId, manager);
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
  ppkChain(
    employeeId: string,
    callerId: string,
    onDate: string,
    withSubject = false,
  ): Promise<{
    ppk: string | null;
    atasan: string | null;
    callerPpk: string | null;
    subject?: AssignmentSnapshot | null;
  }> {
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
  ancestorUnits(unitId: string, manager?: EntityManager): Promise<UnitNode[]> {
    return this.units.ancestors(unitId, manager);
  }

  /** The head of a unit on a date (the employee whose assignment there is flagged isUnitHead). */
  unitHeadId(unitId: string, onDate: string, manager?: EntityManager): Promise<string | null> {
    return this.directory.unitHeadId(unitId, onDate, manager);
  }

  /** Employee id of each known NIP asked for (unknown NIPs are left out). */
  idsOfNips(nips: string[], manager?: EntityManager): Promise<Map<string, string>> {
    return this.directory.idsOfNips(nips, manager);
  }

  /** NIP and status (PNS / PPPK) of each employee asked for. */
  identities(ids: string[], manager?: EntityManager): Promise<{ id: string; nip: string; status: 'PNS' | 'PPPK' }[]> {
    return this.directory.identities(ids, manager);
  }

  /** Every assignment of the employees started on or before `upTo` (position kind, jenjang, golongan), oldest first. */
  careers(ids: string[], upTo: string, manager?: EntityManager): Promise<CareerAssignmentRow[]> {
    return this.directory.careers(ids, upTo, manager);
  }

  /** The unit of each employee's latest assignment overlapping [from, to] (inclusive dates). */
  unitsInPeriod(ids: string[], from: string, to: string, manager?: EntityManager): Promise<Map<string, string>> {
    return this.directory.unitsInPeriod(ids, from, to, manager);
  }

  /** Every unit with its parent (the whole tree, for walks done in memory). */
  allUnits(manager?: EntityManager): Promise<UnitNode[]> {
    return this.units.all(manager);
  }

  /** The units with these codes (unknown codes are left out). */
  unitsByCodes(codes: string[], manager?: EntityManager): Promise<UnitNode[]> {
    return this.units.byCodes(codes, manager);
  }

  /** The units with these ids. */
  unitsByIds(ids: string[], manager?: EntityManager): Promise<UnitNode[]> {
    return this.units.byIds(ids, manager);
  }
}
