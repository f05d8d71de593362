// The rule registry: every file in this folder that defines a rule is listed
// here once (a test fails when one is missing).
import type { RuleDefinition } from '../rule';
import event from './incompatible/event';
import storedFunction from './incompatible/storedFunction';
import storedProcedure from './incompatible/storedProcedure';
import trigger from './incompatible/trigger';
import xaTransaction from './incompatible/xaTransaction';
// group A imports
import savepoint from './incompatible/savepoint';
import lockInShareMode from './incompatible/lockInShareMode';
import sqlCalcFoundRows from './incompatible/sqlCalcFoundRows';
import readOnlyTransaction from './incompatible/readOnlyTransaction';
import unsupportedIsolationLevel from './incompatible/unsupportedIsolationLevel';
import skipLocked from './incompatible/skipLocked';
import lateralDerivedTable from './incompatible/lateralDerivedTable';
import tableMaintenanceStatement from './incompatible/tableMaintenanceStatement';
import handlerStatement from './incompatible/handlerStatement';
import createTablespace from './incompatible/createTablespace';
import selectIntoVariable from './incompatible/selectIntoVariable';
import flushTablesWithReadLock from './incompatible/flushTablesWithReadLock';
import replicationStatement from './incompatible/replicationStatement';
import optimizerTrace from './incompatible/optimizerTrace';
import setPersist from './incompatible/setPersist';
import readOnlySysvarSet from './incompatible/readOnlySysvarSet';
import optimizerSwitchIgnored from './behaviour-differs/optimizerSwitchIgnored';
import setGlobalPersisted from './behaviour-differs/setGlobalPersisted';
import lockTablesIgnored from './behaviour-differs/lockTablesIgnored';
import columnLevelPrivilege from './behaviour-differs/columnLevelPrivilege';
import loadDataServerFile from './incompatible/loadDataServerFile';
import loadDataInTransaction from './behaviour-differs/loadDataInTransaction';
import getLockLimits from './behaviour-differs/getLockLimits';
import createTableAsSelect from './incompatible/createTableAsSelect';
import alterView from './incompatible/alterView';
import viewCheckOptionIgnored from './behaviour-differs/viewCheckOptionIgnored';
import cteVersion from './incompatible/cteVersion';
import withRollupVersion from './incompatible/withRollupVersion';
// group A imports end
// group B imports
import matchAgainst from './incompatible/matchAgainst';
import spatialFunction from './incompatible/spatialFunction';
import xmlFunction from './incompatible/xmlFunction';
import unsupportedFunction from './incompatible/unsupportedFunction';
import joinOnSubquery from './incompatible/joinOnSubquery';
import groupByAscDesc from './incompatible/groupByAscDesc';
import groupByImplicitOrder from './behaviour-differs/groupByImplicitOrder';
import selectStarWithoutLimit from './risky/selectStarWithoutLimit';
import largeInList from './risky/largeInList';
import leadingWildcardLike from './risky/leadingWildcardLike';
import functionOnColumnInWhere from './risky/functionOnColumnInWhere';
import implicitTypeConversion from './risky/implicitTypeConversion';
import orderByRand from './risky/orderByRand';
import deepOffsetPagination from './risky/deepOffsetPagination';
import insertSelectUnbounded from './risky/insertSelectUnbounded';
import deleteWithoutWhere from './risky/deleteWithoutWhere';
import updateWithoutWhere from './risky/updateWithoutWhere';
import dmlOnView from './incompatible/dmlOnView';
import sysSchema from './incompatible/sysSchema';
import performanceSchemaEmpty from './behaviour-differs/performanceSchemaEmpty';
// group B imports end
// group C imports
import spatialType from './incompatible/spatialType';
import unsupportedCharset from './incompatible/unsupportedCharset';
import unsupportedCollation from './incompatible/unsupportedCollation';
import defaultCollationCaseSensitivity from './behaviour-differs/defaultCollationCaseSensitivity';
import expressionDefaultUnsupported from './incompatible/expressionDefaultUnsupported';
import floatPrecisionIgnored from './behaviour-differs/floatPrecisionIgnored';
import zerofill from './behaviour-differs/zerofill';
import largeBlobColumn from './risky/largeBlobColumn';
import autoIncrementHotspot from './risky/autoIncrementHotspot';
import missingPrimaryKey from './risky/missingPrimaryKey';
import autoRandomMisuse from './incompatible/autoRandomMisuse';
import shardRowIdBitsClustered from './incompatible/shardRowIdBitsClustered';
import temporaryTableRestriction from './incompatible/temporaryTableRestriction';
import storageEngineIgnored from './behaviour-differs/storageEngineIgnored';
import fulltextIndex from './behaviour-differs/fulltextIndex';
import checkConstraintIgnored from './behaviour-differs/checkConstraintIgnored';
import descendingIndex from './behaviour-differs/descendingIndex';
import indexTypeIgnored from './behaviour-differs/indexTypeIgnored';
import multiValuedIndexVersion from './incompatible/multiValuedIndexVersion';
import sequentialIndexHotspot from './risky/sequentialIndexHotspot';
// group C imports end
// group D imports
import addAutoIncrement from './incompatible/addAutoIncrement';
import alterClusteredPrimaryKey from './incompatible/alterClusteredPrimaryKey';
import modifyColumnTypeRestricted from './incompatible/modifyColumnTypeRestricted';
import alterSameObjectTwice from './incompatible/alterSameObjectTwice';
import multiSchemaChangePreV62 from './incompatible/multiSchemaChangePreV62';
import subpartition from './incompatible/subpartition';
import unsupportedPartitionOperation from './incompatible/unsupportedPartitionOperation';
import foreignKeyOnPartitionedTable from './incompatible/foreignKeyOnPartitionedTable';
import foreignKeyNotEnforced from './behaviour-differs/foreignKeyNotEnforced';
import generatedColumnAddStored from './incompatible/generatedColumnAddStored';
import charsetConversionUnsupported from './incompatible/charsetConversionUnsupported';
import algorithmInstantAddIndex from './incompatible/algorithmInstantAddIndex';
import multiAlterForwardReference from './incompatible/multiAlterForwardReference';
import multipleTidbOptionsInAlter from './incompatible/multipleTidbOptionsInAlter';
import partitionTypeUnsupported from './behaviour-differs/partitionTypeUnsupported';
import ddlReorgRewrite from './risky/ddlReorgRewrite';
import addIndexExistingTable from './risky/addIndexExistingTable';
import destructiveDdl from './risky/destructiveDdl';
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
