-- A MySQL 5.7-era schema, as mysqldump writes it: what breaks on TiDB?
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `orders`;
CREATE TABLE `orders` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `customer_email` varchar(255) NOT NULL,
  `status` varchar(20) NOT NULL DEFAULT 'new',
  `total` float(10,2) NOT NULL,
  `notes` longtext,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_created` (`created_at`),
  FULLTEXT KEY `ft_notes` (`notes`)
) ENGINE=MyISAM DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;

LOCK TABLES `orders` WRITE;
INSERT INTO `orders` VALUES (1,'a@example.com','new',9.99,NULL,'2024-01-01 00:00:00');
UNLOCK TABLES;

DELIMITER ;;
CREATE PROCEDURE `close_stale_orders`()
BEGIN
  UPDATE orders SET status = 'closed' WHERE created_at < NOW() - INTERVAL 30 DAY;
END ;;
DELIMITER ;
