// The rule registry: every file in this folder that defines a rule is listed
// here once (a test fails when one is missing).
import type { RuleDefinition } from './defineRule';
import event from './event';
import storedFunction from './storedFunction';
import storedProcedure from './storedProcedure';
import trigger from './trigger';
import xaTransaction from './xaTransaction';
// group A imports
import savepoint from './savepoint';
import lockInShareMode from './lockInShareMode';
import sqlCalcFoundRows from './sqlCalcFoundRows';
import readOnlyTransaction from './readOnlyTransaction';
import unsupportedIsolationLevel from './unsupportedIsolationLevel';
import skipLocked from './skipLocked';
import lateralDerivedTable from './lateralDerivedTable';
import tableMaintenanceStatement from './tableMaintenanceStatement';
import handlerStatement from './handlerStatement';
import createTablespace from './createTablespace';
import selectIntoVariable from './selectIntoVariable';
import flushTablesWithReadLock from './flushTablesWithReadLock';
import replicationStatement from './replicationStatement';
import optimizerTrace from './optimizerTrace';
import setPersist from './setPersist';
import readOnlySysvarSet from './readOnlySysvarSet';
import optimizerSwitchIgnored from './optimizerSwitchIgnored';
import setGlobalPersisted from './setGlobalPersisted';
import lockTablesIgnored from './lockTablesIgnored';
import columnLevelPrivilege from './columnLevelPrivilege';
import loadDataServerFile from './loadDataServerFile';
import loadDataInTransaction from './loadDataInTransaction';
import getLockLimits from './getLockLimits';
import createTableAsSelect from './createTableAsSelect';
import alterView from './alterView';
import viewCheckOptionIgnored from './viewCheckOptionIgnored';
import cteVersion from './cteVersion';
import withRollupVersion from './withRollupVersion';
// group A imports end
// group B imports
import matchAgainst from './matchAgainst';
import spatialFunction from './spatialFunction';
import xmlFunction from './xmlFunction';
import unsupportedFunction from './unsupportedFunction';
import joinOnSubquery from './joinOnSubquery';
import groupByAscDesc from './groupByAscDesc';
import groupByImplicitOrder from './groupByImplicitOrder';
import selectStarWithoutLimit from './selectStarWithoutLimit';
import largeInList from './largeInList';
import leadingWildcardLike from './leadingWildcardLike';
import functionOnColumnInWhere from './functionOnColumnInWhere';
import implicitTypeConversion from './implicitTypeConversion';
import orderByRand from './orderByRand';
import deepOffsetPagination from './deepOffsetPagination';
import insertSelectUnbounded from './insertSelectUnbounded';
import deleteWithoutWhere from './deleteWithoutWhere';
import updateWithoutWhere from './updateWithoutWhere';
import dmlOnView from './dmlOnView';
import sysSchema from './sysSchema';
import performanceSchemaEmpty from './performanceSchemaEmpty';
// group B imports end
// group C imports
import spatialType from './spatialType';
import unsupportedCharset from './unsupportedCharset';
import unsupportedCollation from './unsupportedCollation';
import defaultCollationCaseSensitivity from './defaultCollationCaseSensitivity';
import expressionDefaultUnsupported from './expressionDefaultUnsupported';
import floatPrecisionIgnored from './floatPrecisionIgnored';
import zerofill from './zerofill';
import largeBlobColumn from './largeBlobColumn';
import autoIncrementHotspot from './autoIncrementHotspot';
import missingPrimaryKey from './missingPrimaryKey';
import autoRandomMisuse from './autoRandomMisuse';
import shardRowIdBitsClustered from './shardRowIdBitsClustered';
import temporaryTableRestriction from './temporaryTableRestriction';
import storageEngineIgnored from './storageEngineIgnored';
import fulltextIndex from './fulltextIndex';
import checkConstraintIgnored from './checkConstraintIgnored';
import descendingIndex from './descendingIndex';
import indexTypeIgnored from './indexTypeIgnored';
import multiValuedIndexVersion from './multiValuedIndexVersion';
import sequentialIndexHotspot from './sequentialIndexHotspot';
// group C imports end
// group D imports
import addAutoIncrement from './addAutoIncrement';
import alterClusteredPrimaryKey from './alterClusteredPrimaryKey';
import modifyColumnTypeRestricted from './modifyColumnTypeRestricted';
import alterSameObjectTwice from './alterSameObjectTwice';
import multiSchemaChangePreV62 from './multiSchemaChangePreV62';
import subpartition from './subpartition';
import unsupportedPartitionOperation from './unsupportedPartitionOperation';
import foreignKeyOnPartitionedTable from './foreignKeyOnPartitionedTable';
import foreignKeyNotEnforced from './foreignKeyNotEnforced';
import generatedColumnAddStored from './generatedColumnAddStored';
import charsetConversionUnsupported from './charsetConversionUnsupported';
import algorithmInstantAddIndex from './algorithmInstantAddIndex';
import multiAlterForwardReference from './multiAlterForwardReference';
import multipleTidbOptionsInAlter from './multipleTidbOptionsInAlter';
import partitionTypeUnsupported from './partitionTypeUnsupported';
import ddlReorgRewrite from './ddlReorgRewrite';
import addIndexExistingTable from './addIndexExistingTable';
import destructiveDdl from './destructiveDdl';
// group D imports end

export const RULES: readonly RuleDefinition[] = [
  storedProcedure,
  storedFunction,
  trigger,
  event,
  xaTransaction,
  // group A rules
  savepoint,
  lockInShareMode,
  sqlCalcFoundRows,
  readOnlyTransaction,
  unsupportedIsolationLevel,
  skipLocked,
  lateralDerivedTable,
  tableMaintenanceStatement,
  handlerStatement,
  createTablespace,
  selectIntoVariable,
  flushTablesWithReadLock,
  replicationStatement,
  optimizerTrace,
  setPersist,
  readOnlySysvarSet,
  optimizerSwitchIgnored,
  setGlobalPersisted,
  lockTablesIgnored,
  columnLevelPrivilege,
  loadDataServerFile,
  loadDataInTransaction,
  getLockLimits,
  createTableAsSelect,
  alterView,
  viewCheckOptionIgnored,
  cteVersion,
  withRollupVersion,
  // group A rules end
  // group B rules
  matchAgainst,
  spatialFunction,
  xmlFunction,
  unsupportedFunction,
  joinOnSubquery,
  groupByAscDesc,
  groupByImplicitOrder,
  selectStarWithoutLimit,
  largeInList,
  leadingWildcardLike,
  functionOnColumnInWhere,
  implicitTypeConversion,
  orderByRand,
  deepOffsetPagination,
  insertSelectUnbounded,
  deleteWithoutWhere,
  updateWithoutWhere,
  dmlOnView,
  sysSchema,
  performanceSchemaEmpty,
  // group B rules end
  // group C rules
  spatialType,
  unsupportedCharset,
  unsupportedCollation,
  defaultCollationCaseSensitivity,
  expressionDefaultUnsupported,
  floatPrecisionIgnored,
  zerofill,
  largeBlobColumn,
  autoIncrementHotspot,
  missingPrimaryKey,
  autoRandomMisuse,
  shardRowIdBitsClustered,
  temporaryTableRestriction,
  storageEngineIgnored,
  fulltextIndex,
  checkConstraintIgnored,
  descendingIndex,
  indexTypeIgnored,
  multiValuedIndexVersion,
  sequentialIndexHotspot,
  // group C rules end
  // group D rules
  addAutoIncrement,
  alterClusteredPrimaryKey,
  modifyColumnTypeRestricted,
  alterSameObjectTwice,
  multiSchemaChangePreV62,
  subpartition,
  unsupportedPartitionOperation,
  foreignKeyOnPartitionedTable,
  foreignKeyNotEnforced,
  generatedColumnAddStored,
  charsetConversionUnsupported,
  algorithmInstantAddIndex,
  multiAlterForwardReference,
  multipleTidbOptionsInAlter,
  partitionTypeUnsupported,
  ddlReorgRewrite,
  addIndexExistingTable,
  destructiveDdl,
  // group D rules end
];
